#pragma once

#include "models/domain/instrument.h"

#include <QDialog>
#include <QHash>
#include <QList>
#include <QSet>
#include <QStringList>

class QFormLayout;
class QLabel;

namespace jl::ui {

class InstrumentFieldEditor;
class ScreenContext;

// 新增 / 编辑 / 信息完善 of one instrument: a form with the required fields marked with a red
// *, each field's problems shown under it once the user leaves it and all at once on Save
// (Ctrl+S); Esc cancels. 信息完善 shows exactly the fields that keep the record from being
// complete, and requires them all. The store writes the record; its refusals are shown
// through the dialog seam. View shows a record read-only (the history library's detail).
class InstrumentForm final : public QDialog {
    Q_OBJECT

public:
    enum class Mode { Create, Edit, Complete, View };

    InstrumentForm(ScreenContext &context, Mode mode, const models::Instrument &instrument,
                   QWidget *parent = nullptr);

    Mode mode() const { return m_mode; }
    // The record as the form has it now.
    models::Instrument instrument() const;
    QStringList fields() const;
    InstrumentFieldEditor *editor(const QString &field) const;
    // The message under a field; empty when it is fine or not yet checked.
    QString errorText(const QString &field) const;

public Q_SLOTS:
    // Checks everything; writes the record and closes when there is nothing to fix.
    void save();

Q_SIGNALS:
    void saved(const models::Instrument &instrument);

private:
    void addField(QFormLayout *form, const QString &field, bool required);
    void focusChanged(QWidget *old, QWidget *now);
    void deriveCategory();
    QHash<QString, QString> check() const;
    void showErrors();

    ScreenContext &m_context;
    Mode m_mode;
    models::Instrument m_original;
    QList<InstrumentFieldEditor *> m_editors;
    QHash<QString, QLabel *> m_errorLabels;
    QSet<QString> m_touched;
    QString m_derivedCategory; // what deriveCategory() last chose
};

} // namespace jl::ui
