#pragma once

#include "models/domain/instrument.h"

#include <QCoreApplication>
#include <QList>
#include <QUndoCommand>

namespace jl::ui {

class ScreenContext;

// A change already made to many instruments (批量修改, 移入曾用库), kept so that Ctrl+Z can
// put the fields it changed back as they were, and Ctrl+Shift+Z as they became. The store refuses
// an undo that no longer fits (a serial active again, a record deleted since); the user is
// told, and the step leaves the history.
class InstrumentChangeCommand final : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(InstrumentChangeCommand)

public:
    InstrumentChangeCommand(ScreenContext &context, const QString &text, QString action,
                            QList<models::Instrument> before, QList<models::Instrument> after);

    void undo() override;
    void redo() override;

private:
    void write(const QList<models::Instrument> &from, const QList<models::Instrument> &to,
               const QString &action, bool undoing);

    ScreenContext &m_context;
    QString m_action;
    QList<models::Instrument> m_before;
    QList<models::Instrument> m_after;
    bool m_done = true; // made by the store before the command was pushed
};

} // namespace jl::ui
