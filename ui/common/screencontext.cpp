#include "ui/common/screencontext.h"

#include "models/store/instrumentstore.h"

#include <QUndoStack>

namespace jl::ui {

ScreenContext::ScreenContext(models::Database &database, models::InstrumentStore &instruments,
                             Dialogs &dialogs, QSettings &settings, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_instruments(instruments)
    , m_dialogs(dialogs)
    , m_settings(settings)
    , m_undoStack(new QUndoStack(this))
    // Parsed once here and shared by every form (a few ms each time).
    , m_divisions(models::Divisions::bundled())
    , m_categories(models::InstrumentCategories::bundled())
{}

ScreenContext::~ScreenContext() = default;

QString ScreenContext::actor() const
{
    return m_instruments.actor();
}

void ScreenContext::notifyDataChanged()
{
    Q_EMIT dataChanged();
}

void ScreenContext::openScreen(const QString &id, const QVariantMap &arguments)
{
    Q_EMIT openRequested(id, arguments);
}

} // namespace jl::ui
