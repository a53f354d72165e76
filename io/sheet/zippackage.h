#pragma once

#include "io/sheet/readoptions.h"

#include <QCoreApplication>
#include <QIODevice>

#include <memory>

class QuaZip;

namespace jl::io {

// The parts of a zip (an .xlsx package) read under guard: only stored and deflated
// entries, no encryption, every entry's declared size checked against the budget before
// it is opened, and the bytes counted while inflating so that a lying header cannot
// inflate past it either (zip bombs).
class ZipPackage final {
    Q_DECLARE_TR_FUNCTIONS(ZipPackage)
    Q_DISABLE_COPY_MOVE(ZipPackage)

public:
    ZipPackage(QString path, ReadLimits limits);
    ~ZipPackage();

    models::Status open();
    bool contains(const QString &entry);
    // A whole small part (workbook, relationships, styles).
    models::Result<QByteArray> readAll(const QString &entry);
    // Streams one entry; the device reports an error (and stream error()) past the budget.
    // Only one stream may be open at a time. finish() checks the CRC at the end.
    models::Result<std::unique_ptr<QIODevice>> stream(const QString &entry,
                                                      qint64 *uncompressedSize = nullptr);
    // Counts `bytes` that another handle on the same file will inflate (up to an entry's
    // declared size) against this package's budget, so that reading a part twice, once
    // through each, costs what it did through one; an error past the budget.
    models::Status charge(qint64 bytes, const QString &entry);
    // The error that stopped the last stream early (bomb, corrupt data), if any.
    std::optional<models::Error> streamError() const;
    models::Status finish(QIODevice &device);

    models::Error corrupt(const QString &detail) const;
    static models::Error bomb(const QString &detail);

private:
    friend class GuardedEntry;
    QString m_path;
    ReadLimits m_limits;
    std::unique_ptr<QuaZip> m_zip;
    qint64 m_spent = 0; // uncompressed bytes read from every entry so far
    std::optional<models::Error> m_streamError;
};

} // namespace jl::io
