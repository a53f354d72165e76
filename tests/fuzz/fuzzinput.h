#pragma once

#include <QByteArray>
#include <QString>

namespace jl::fuzz {

// The readers take a path (the .xls reader and QuaZip need a real file), so each input is
// written to one scratch file of this process, reused from input to input, with `suffix`
// (".xlsx", ".csv") so that the file looks like what a user would pick.
QString writeInput(const QByteArray &bytes, const QString &suffix);

} // namespace jl::fuzz
