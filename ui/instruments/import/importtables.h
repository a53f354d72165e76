#pragma once

#include "io/import/importtypes.h"

#include <QCoreApplication>

class QComboBox;
class QTableWidget;

namespace jl::ui {

// Fills the three tables of the import dialog: the first rows of the sheet as they are, the
// column mapping (a combo per file column), and the per-row report.
class ImportTables final {
    Q_DECLARE_TR_FUNCTIONS(ImportTables)

public:
    // At most this many issues are listed; the saved report has every one.
    static constexpr int ShownIssues = 5000;

    static void fillPreview(QTableWidget &table, const io::HeaderInfo &header);
    // One row per file column: its title, a combo of library fields (or 忽略), and the value
    // of the first data row.
    static void fillMapping(QTableWidget &table, const io::HeaderInfo &header);
    static QComboBox *mappingCombo(const QTableWidget &table, int column);
    static QStringList mappedFields(const QTableWidget &table);
    static void fillReport(QTableWidget &table, const io::ImportReport &report);

    // A cell as the preview shows it (dates ISO, numbers as their digits).
    static QString cellText(const io::Cell &cell);
};

} // namespace jl::ui
