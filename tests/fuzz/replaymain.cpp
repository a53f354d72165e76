// The replay `main` linked with each fuzz target in the normal (GCC, sanitizer) build: runs
// every file of the target's seed corpus once, so that CI proves the corpus still passes
// without needing clang's libFuzzer. With arguments, runs those files (a crash to reproduce).
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
        const QDir corpus(QStringLiteral(JILIANG_FUZZ_CORPUS));
        const QStringList names = corpus.entryList(QDir::Files, QDir::Name);
        for (const QString &name : names)
            files.append(corpus.filePath(name));
        if (files.isEmpty()) {
            std::fprintf(stderr, "replay: no seed files in %s\n", JILIANG_FUZZ_CORPUS);
            return 1; // an empty corpus would prove nothing
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
