#pragma once

#include "io/sheet/zippackage.h"

#include <QHash>
#include <QList>
#include <QString>

namespace jl::io::xlsx {

// What the workbook says about its first sheet and where its shared parts are.
struct Workbook {
    QString sheetPath;   // "xl/worksheets/sheet1.xml"
    QString stringsPath; // empty when there are no shared strings
    QString stylesPath;
    bool date1904 = false;
};

// Per cell style (the s attribute): its number format code and whether it is a date.
struct Styles {
    QList<QString> formats;
    QList<bool> isDate;
};

struct MergedRange {
    int firstRow = 0; // 1-based rows, 0-based columns, inclusive
    int firstColumn = 0;
    int lastRow = 0;
    int lastColumn = 0;
};

models::Result<Workbook> readWorkbook(ZipPackage &zip);
models::Result<Styles> readStyles(ZipPackage &zip, const QString &path);
models::Result<QList<QString>> readSharedStrings(ZipPackage &zip, const QString &path,
                                                 const ReadOptions &options);
models::Result<QList<MergedRange>> readMergedRanges(ZipPackage &zip, const QString &sheetPath,
                                                    const ReadOptions &options);

// "B12" → column 1, row 12; false when it is not a cell reference.
bool parseReference(QStringView ref, int &column, int &row);

// Refuses DTDs (entity expansion) and reports the reader's errors in one message.
class XmlGuard final {
    Q_DECLARE_TR_FUNCTIONS(XmlGuard)

public:
    static models::Error dtd();
    static models::Error malformed(const QString &part, const QString &detail);
    static models::Error notSpreadsheet();
    static models::Error tooManyMerges();
};

} // namespace jl::io::xlsx
