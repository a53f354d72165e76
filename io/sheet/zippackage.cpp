#include "io/sheet/zippackage.h"

#include <quazip.h>
#include <quazipfile.h>
#include <quazipfileinfo.h>

#include <QFileInfo>

namespace jl::io {

using models::Error;
using models::Result;
using models::Status;

// Counts what it inflates, and stops at the entry's declared size, the ratio cap and the
// package's total budget, whichever comes first.
class GuardedEntry final : public QIODevice {
public:
    GuardedEntry(ZipPackage &package, QuaZip *zip, qint64 declared, qint64 compressed)
        : m_package(package)
        , m_file(zip)
        , m_declared(declared)
        , m_compressed(compressed)
    {}
    ~GuardedEntry() override
    {
        if (m_file.isOpen())
            m_file.close();
    }

    bool start()
    {
        if (!m_file.open(QIODevice::ReadOnly))
            return false;
        return QIODevice::open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    QuaZipFile &file() { return m_file; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        if (m_failed)
            return -1;
        const qint64 n = m_file.read(data, maxSize);
        if (n < 0) {
            fail(m_package.corrupt(m_file.errorString()));
            return -1;
        }
        m_read += n;
        m_package.m_spent += n;
        const ReadLimits &l = m_package.m_limits;
        const bool overRatio =
            m_read > l.ratioFloor && m_read > std::max<qint64>(m_compressed, 1) * l.maxRatio;
        if (m_read > m_declared || overRatio || m_package.m_spent > l.maxUncompressedBytes) {
            fail(ZipPackage::bomb(QStringLiteral("read %1 of declared %2, compressed %3")
                                      .arg(m_read)
                                      .arg(m_declared)
                                      .arg(m_compressed)));
            return -1;
        }
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    void fail(Error e)
    {
        m_failed = true;
        if (!m_package.m_streamError)
            m_package.m_streamError = std::move(e);
    }

    ZipPackage &m_package;
    QuaZipFile m_file;
    qint64 m_declared;
    qint64 m_compressed;
    qint64 m_read = 0;
    bool m_failed = false;
};

ZipPackage::ZipPackage(QString path, ReadLimits limits)
    : m_path(std::move(path))
    , m_limits(limits)
{}

ZipPackage::~ZipPackage() = default;

Error ZipPackage::corrupt(const QString &detail) const
{
    return Error{tr("%1 is damaged or incomplete (perhaps cut off while copying or "
                    "downloading). Open it in Excel or WPS, save it again and retry.")
                     .arg(QFileInfo(m_path).fileName()),
                 detail};
}

Status ZipPackage::open()
{
    m_zip = std::make_unique<QuaZip>(m_path);
    if (!m_zip->open(QuaZip::mdUnzip))
        return corrupt(QStringLiteral("unzOpen error %1").arg(m_zip->getZipError()));
    return {};
}

bool ZipPackage::contains(const QString &entry)
{
    return m_zip->setCurrentFile(entry, QuaZip::csInsensitive);
}

Result<std::unique_ptr<QIODevice>> ZipPackage::stream(const QString &entry, qint64 *size)
{
    m_streamError.reset();
    if (!m_zip->setCurrentFile(entry, QuaZip::csInsensitive))
        return corrupt(QStringLiteral("missing part %1").arg(entry));
    QuaZipFileInfo64 info;
    if (!m_zip->getCurrentFileInfo(&info))
        return corrupt(QStringLiteral("no info for %1").arg(entry));
    if (info.flags & 1)
        return Error{tr("The file is protected by a password. Remove the password in Excel "
                        "or WPS (File > Info > Protect Workbook) and import again."),
                     entry};
    if (info.method != 0 && info.method != 8)
        return Error{tr("The file uses a compression method spreadsheet programs do not use "
                        "(method %1). Open it in Excel or WPS, save it as .xlsx and retry.")
                         .arg(info.method),
                     entry};
    const qint64 declared = qint64(info.uncompressedSize);
    const qint64 compressed = qint64(info.compressedSize);
    if (declared < 0 || m_spent + declared > m_limits.maxUncompressedBytes ||
        (declared > m_limits.ratioFloor &&
         declared > std::max<qint64>(compressed, 1) * m_limits.maxRatio))
        return bomb(QStringLiteral("%1 declares %2 bytes from %3")
                        .arg(entry)
                        .arg(declared)
                        .arg(compressed));
    auto device = std::make_unique<GuardedEntry>(*this, m_zip.get(), declared, compressed);
    if (!device->start())
        return corrupt(
            QStringLiteral("cannot open %1: %2").arg(entry).arg(device->file().getZipError()));
    if (size)
        *size = declared;
    return std::unique_ptr<QIODevice>(std::move(device));
}

Status ZipPackage::charge(qint64 bytes, const QString &entry)
{
    m_spent += bytes;
    if (bytes < 0 || m_spent > m_limits.maxUncompressedBytes)
        return bomb(QStringLiteral("%1 read again: %2 bytes").arg(entry).arg(bytes));
    return {};
}

Error ZipPackage::bomb(const QString &detail)
{
    return Error{tr("The file unpacks to far more data than a spreadsheet holds (a \"zip "
                    "bomb\"); it was not read."),
                 detail};
}

std::optional<Error> ZipPackage::streamError() const
{
    return m_streamError;
}

Status ZipPackage::finish(QIODevice &device)
{
    if (m_streamError)
        return *m_streamError;
    auto &entry = static_cast<GuardedEntry &>(device);
    // Drain what the parser did not need, so that the CRC covers the whole entry.
    char buffer[16384];
    while (entry.read(buffer, sizeof buffer) > 0) {
    }
    if (m_streamError)
        return *m_streamError;
    entry.file().close();
    if (const int e = entry.file().getZipError(); e != 0)
        return corrupt(QStringLiteral("close error %1 (CRC?)").arg(e));
    return {};
}

Result<QByteArray> ZipPackage::readAll(const QString &entry)
{
    auto device = stream(entry);
    if (!device)
        return device.error();
    QByteArray bytes = (*device)->readAll();
    if (Status s = finish(**device); !s)
        return s.error();
    return bytes;
}

} // namespace jl::io
