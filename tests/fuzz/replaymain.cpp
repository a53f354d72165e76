// The replay `main` linked with each fuzz target in the normal (GCC, sanitizer) build: runs
// every seed of the target once, so that CI proves the seeds still pass without needing
// clang's libFuzzer. The seeds are the import corpus's files of the target's format
// (tests/data/import/*.xlsx for fuzz_xlsx) and the target's extra seeds
// (tests/fuzz/corpus/<target>/), as scripts/fuzz uses them. With arguments, runs those
// files (a crash to reproduce).
#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QStringList>

#include <cstddef>
#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);

int main(int argc, char **argv)
{
    QStringList files;
    for (int i = 1; i < argc; ++i)
        files.append(QString::fromLocal8Bit(argv[i]));
    if (files.isEmpty()) {
        const QDir import(QStringLiteral(JILIANG_FUZZ_IMPORT_CORPUS));
        const QStringList imported = import.entryList(
            {QStringLiteral("*") + QLatin1String(JILIANG_FUZZ_SUFFIX)}, QDir::Files, QDir::Name);
        for (const QString &name : imported)
            files.append(import.filePath(name));
        const QDir extra(QStringLiteral(JILIANG_FUZZ_CORPUS)); // may not exist: no extras
        const QStringList extras = extra.entryList(QDir::Files, QDir::Name);
        for (const QString &name : extras)
            files.append(extra.filePath(name));
        // The corpus holds 3 .csv and 21 .xlsx files: fewer means a path went wrong, and an
        // empty set would prove nothing.
        if (imported.size() < 3) {
            std::fprintf(stderr, "replay: no %s seed files in %s\n", JILIANG_FUZZ_SUFFIX,
                         JILIANG_FUZZ_IMPORT_CORPUS);
            return 1;
        }
    }
    for (const QString &path : std::as_const(files)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "replay: cannot read %s\n", qPrintable(path));
            return 1;
        }
        const QByteArray bytes = file.readAll();
        std::fprintf(stderr, "replay: %s (%lld bytes)\n", qPrintable(path),
                     static_cast<long long>(bytes.size()));
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t *>(bytes.constData()),
                               std::size_t(bytes.size()));
    }
    std::fprintf(stderr, "replay: %lld files, no crash\n", static_cast<long long>(files.size()));
    return 0;
}
