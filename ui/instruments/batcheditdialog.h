#pragma once

#include "models/domain/instrument.h"

#include <QDialog>
#include <QHash>
#include <QList>
#include <QStringList>
#include <QVariantMap>

class QCheckBox;

namespace jl::ui {

class InstrumentFieldEditor;
class ScreenContext;

// 批量修改: sets the ticked fields to the same value on every selected instrument, and
// leaves the others alone. Editing a field ticks it. The address and its area go together,
// as one place.
class BatchEditDialog final : public QDialog {
    Q_OBJECT

public:
    BatchEditDialog(ScreenContext &context, QStringList ids, QWidget *parent = nullptr);

    // Field name → value, for the ticked fields only.
    QVariantMap changes() const;
    QCheckBox *checkBox(const QString &field) const;
    InstrumentFieldEditor *editor(const QString &field) const;

public Q_SLOTS:
    void save();

Q_SIGNALS:
    // The records as they were and as they are now, for undo.
    void saved(const QList<models::Instrument> &before, const QList<models::Instrument> &after);

private:
    ScreenContext &m_context;
    QStringList m_ids;
    QHash<QString, QCheckBox *> m_checks; // by field; the address's box is shared
    QList<InstrumentFieldEditor *> m_editors;
};

} // namespace jl::ui
