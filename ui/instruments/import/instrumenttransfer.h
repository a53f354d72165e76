#pragma once

#include <QCoreApplication>
#include <QString>

class QWidget;

namespace jl::models {
class InstrumentTableModel;
}

namespace jl::ui {

class ImportDialog;
class ScreenContext;

// The library's 导入, 导出 and 下载模板 (domain.md §8), as the screen's actions call them.
class InstrumentTransfer final {
    Q_DECLARE_TR_FUNCTIONS(InstrumentTransfer)

public:
    // Asks for a file unless `path` is given (a drop), then opens the import dialog on it.
    static ImportDialog *importFile(ScreenContext &context, QWidget *parent,
                                    const QString &path = {});
    // Writes what the list shows (its filter and its order) to .xlsx or .csv.
    static void exportList(ScreenContext &context, const models::InstrumentTableModel &model,
                           QWidget *parent);
    // Saves the import template.
    static void saveTemplate(ScreenContext &context, QWidget *parent);

    // The filter of save dialogs for tables.
    static QString saveFilter();
    // `path` with .xlsx added unless it ends in .xlsx or .csv.
    static QString withTableSuffix(const QString &path);
};

} // namespace jl::ui
