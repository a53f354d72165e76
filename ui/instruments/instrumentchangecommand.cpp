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
    write(m_after, m_before, QStringLiteral("undo ") + m_action, true);
}

void InstrumentChangeCommand::redo()
{
    // QUndoStack::push() calls redo(); the change itself was already written.
    if (m_done) {
        m_done = false;
        return;
    }
    write(m_before, m_after, QStringLiteral("redo ") + m_action, false);
}

void InstrumentChangeCommand::write(const QList<models::Instrument> &from,
                                    const QList<models::Instrument> &to, const QString &action,
                                    bool undoing)
{
    // Only the fields this step changed: edits made since to other fields are kept.
    const models::Status status = m_context.instruments().applyChange(from, to, action);
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
