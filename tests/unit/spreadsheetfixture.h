#pragma once

// Shared helpers of the spreadsheet tests: the import corpus tests/data/import/ (made by
// scripts/make-test-spreadsheets) and a reader that keeps every row.
#include "io/sheet/sheetreader.h"

#include <QDir>
#include <QList>
#include <QString>

namespace jl::io::test {

inline QString corpus(const QString &name)
{
    return QDir(qEnvironmentVariable("JILIANG_TEST_DATA"))
        .filePath(QStringLiteral("import/") + name);
}

struct ReadResult {
    models::Status status;
    QList<SheetRow> rows;

    const SheetRow *row(int number) const
    {
        for (const SheetRow &r : rows) {
            if (r.number == number)
                return &r;
        }
        return nullptr;
    }
};

inline ReadResult readAll(const QString &path, const ReadOptions &options = {})
{
    ReadResult result;
    result.status = SheetReader::read(
        path,
        [&result](const SheetRow &row) -> models::Status {
            result.rows.append(row);
            return {};
        },
        options);
    return result;
}

} // namespace jl::io::test
