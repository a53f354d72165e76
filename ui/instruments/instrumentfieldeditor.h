#pragma once

#include "models/domain/instrument.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QVariant>

class QWidget;

namespace jl::ui {

class ScreenContext;

// The editor of one instrument field (a line edit, a date picker that may be empty, a
// choice, the division cascade …), and the conversions between it and the record. Shared by
// the add/edit form, 信息完善 and 批量修改, so that a field looks and behaves the same in all.
class InstrumentFieldEditor final : public QObject {
    Q_OBJECT

public:
    // `field` is an InstrumentField name. The widget gets `parent`; this object is its child.
    InstrumentFieldEditor(const QString &field, ScreenContext &context, QWidget *parent);

    QString field() const { return m_field; }
    QWidget *widget() const { return m_widget; }
    // True for the widget itself and anything inside it (focus tracking).
    bool contains(const QWidget *widget) const;

    void load(const models::Instrument &instrument);
    void store(models::Instrument &instrument) const;
    // The value as InstrumentStore::batchUpdate takes it.
    QVariant value() const;

Q_SIGNALS:
    void edited();

private:
    QWidget *create(ScreenContext &context, QWidget *parent);

    QString m_field;
    QPointer<QWidget> m_widget;
};

} // namespace jl::ui
