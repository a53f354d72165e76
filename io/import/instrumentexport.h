#pragma once

#include "io/import/importtypes.h"
#include "io/writer/tablewriter.h"

#include <QCoreApplication>

namespace jl::io {

// 导出, 下载模板 and the saved import report, through the same writers (.xlsx or .csv by the
// target's suffix). Blocking and widget-free: call on a worker thread.
class InstrumentExport final {
    Q_DECLARE_TR_FUNCTIONS(InstrumentExport)

public:
    // The instruments with the library's columns in Chinese, and the hidden id column that
    // lets a re-import update the same records.
    static models::Status write(const QString &path, const QList<models::Instrument> &instruments,
                                const Progress &progress = {},
                                const std::atomic_bool *cancel = nullptr);
    // The import template: the header row and one example row.
    static models::Status writeTemplate(const QString &path);
    // The per-row report of an import (行号, 列, 原因).
    static models::Status writeReport(const QString &path, const ImportReport &report);

    // One instrument as the export row (a value per instrumentcolumns::all() column).
    static QVariantList rowOf(const models::Instrument &instrument);
};

} // namespace jl::io
