#pragma once

#include "models/common/result.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>
#include <QVariantList>

#include <atomic>
#include <functional>

class QAbstractItemModel;

namespace jl::ui {

// 导出 of any list (ui.md: "export writes the visible rows and columns"), through the same
// writers as the instrument export: .xlsx or .csv by the file's suffix. The rows are copied
// from the model on the UI thread (models are not thread-safe), then written on a worker.
class ListExport final {
    Q_DECLARE_TR_FUNCTIONS(ListExport)

public:
    struct Table {
        QStringList headers;
        QList<QStringList> rows;
    };

    // The model's rows and the given columns, as displayed.
    static Table copy(const QAbstractItemModel &model, const QList<int> &columns);
    static models::Status write(const QString &path, const Table &table, const QString &sheet,
                                const std::function<void(double)> &progress = {},
                                const std::atomic_bool *cancel = nullptr);
};

} // namespace jl::ui
