#include "server/admin/uscc.h"

namespace jl::server::uscc {

namespace {

const QLatin1String Alphabet("0123456789ABCDEFGHJKLMNPQRTUWXY");
const int Weights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

} // namespace

QChar checkCharacter(const QString &first17)
{
    if (first17.size() != 17)
        return QChar();
    int sum = 0;
    for (int i = 0; i < 17; ++i) {
        const qsizetype v = Alphabet.indexOf(first17.at(i));
        if (v < 0)
            return QChar();
        sum += int(v) * Weights[i];
    }
    return Alphabet.at((31 - sum % 31) % 31);
}

bool isValid(const QString &code)
{
    if (code.size() != 18)
        return false;
    const QChar check = checkCharacter(code.left(17));
    return !check.isNull() && check == code.at(17);
}

QString normalized(const QString &code)
{
    return code.trimmed().toUpper();
}

} // namespace jl::server::uscc
