#pragma once

#include <QObject>
#include <QString>

namespace jl::ui {

// Lets a spreadsheet be dropped on a widget (the instrument library): accepts a drag that
// carries one local .xlsx, .xls or .csv file and reports the drop.
class FileDropFilter final : public QObject {
    Q_OBJECT

public:
    // Installs itself on `target` and makes it accept drops.
    explicit FileDropFilter(QWidget *target);

    bool eventFilter(QObject *watched, QEvent *event) override;

Q_SIGNALS:
    void fileDropped(const QString &path);
};

} // namespace jl::ui
