#include "procstats.h"

#include <QDir>
#include <QFile>
#include <QList>

#include <ctime>

namespace jl::bench {

namespace {

// /proc/PID/stat counts in USER_HZ ticks, which Linux fixes at 100 a second for user space
// whatever the kernel's own tick rate.
constexpr double UserHz = 100.0;

// The fields after the command name (which may hold spaces and parentheses): [1] is the
// parent, [11] and [12] utime and stime.
QList<QByteArray> statFields(const QString &pid)
{
    QFile f(QStringLiteral("/proc/") + pid + QStringLiteral("/stat"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray stat = f.readAll();
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return {};
    return stat.mid(close + 2).split(' ');
}

double cpuOf(const QList<QByteArray> &fields)
{
    return fields.size() > 12 ? (fields.at(11).toDouble() + fields.at(12).toDouble()) / UserHz : 0;
}

} // namespace

double cpuSecondsOf(qint64 pid, bool children)
{
    double total = cpuOf(statFields(QString::number(pid)));
    if (!children)
        return total;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool number = false;
        if (entry.toLongLong(&number) == pid || !number)
            continue;
        const QList<QByteArray> fields = statFields(entry);
        if (fields.size() > 12 && fields.at(1).toLongLong() == pid)
            total += cpuOf(fields);
    }
    return total;
}

double cpuSeconds()
{
    return double(std::clock()) / CLOCKS_PER_SEC;
}

double threadCpuMs()
{
#if defined(CLOCK_THREAD_CPUTIME_ID)
    timespec t{};
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t) == 0)
        return double(t.tv_sec) * 1000.0 + double(t.tv_nsec) / 1e6;
#endif
    return 0;
}

double waitingSecondsOf(const QString &pid)
{
    double ns = 0;
    const QDir tasks(QStringLiteral("/proc/%1/task").arg(pid));
    for (const QString &task : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile f(tasks.filePath(task + QStringLiteral("/schedstat")));
        // "time on the CPU, time waiting for one, time slices", in nanoseconds.
        if (f.open(QIODevice::ReadOnly))
            ns += f.readAll().split(' ').value(1).toDouble();
    }
    return ns / 1e9;
}

double peakMegabytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:")) // "VmHWM:   12345 kB"
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return 0;
}

void resetPeak()
{
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    if (f.open(QIODevice::WriteOnly))
        f.write("5");
}

} // namespace jl::bench
