#include "ui/instruments/instrumentchangecommand.h"

#include "models/store/instrumentstore.h"
#include "ui/common/dialogs.h"
#include "ui/common/screencontext.h"

#include <QApplication>

namespace jl::ui {

InstrumentChangeCommand::InstrumentChangeCommand(ScreenContext &context, const QString &text,
                                                 QString action, QList<models::Instrument> before,
                                                 QList<models::Instrument> after)
    : QUndoCommand(text)
    , m_context(context)
    , m_action(std::move(action))
    , m_before(std::move(before))
    , m_after(std::move(after))
{}

void InstrumentChangeCommand::undo()
{
    write(m_before, QStringLiteral("undo ") + m_action, true);
}

void InstrumentChangeCommand::redo()
{
    // QUndoStack::push() calls redo(); the change itself was already written.
    if (m_done) {
        m_done = false;
        return;
    }
    write(m_after, QStringLiteral("redo ") + m_action, false);
}

void InstrumentChangeCommand::write(const QList<models::Instrument> &records, const QString &action,
                                    bool undoing)
{
    const models::Status status = m_context.instruments().replace(records, action);
    if (!status) {
        m_context.dialogs().warning(QApplication::activeWindow(),
                                    undoing ? tr("Cannot undo") : tr("Cannot redo"),
                                    status.error().message);
        // Dropped from the history: the same step would fail the same way again.
        setObsolete(true);
    }
    m_context.notifyDataChanged();
}

} // namespace jl::ui
