#pragma once

#include "models/common/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>

namespace jl::models {

// China's administrative divisions (domain.md §6): province / city / district / street
// (省/市/区县/街道). Codes are the statistical division codes cut to 2, 4, 6 and 9 digits;
// a code's parent is its prefix one level up (9→6→4→2), so 330106002 北山街道 lies in
// 330106 西湖区, 3301 杭州市, 33 浙江省. Streets are bundled for Zhejiang only; elsewhere a
// district has no children. Data and its quirks: scripts/convert/README.md.
//
// A value type, immutable once loaded; copies are cheap (implicitly shared). Callers own
// theirs: load it once with bundled() and pass it by reference.
class Divisions final {
    Q_DECLARE_TR_FUNCTIONS(jl::models::Divisions)

public:
    Divisions() = default; // empty: contains nothing

    // The data shipped with the client. Parses the resource on every call (a few ms): call
    // it once and keep the value. A broken resource is logged and yields the empty set.
    static Divisions bundled();

    // `{"source": "...", "divisions": {"33": "浙江省", "3301": "杭州市", ...}}`; `source`
    // optional, other keys ignored. Refuses a code that is not 2, 4, 6 or 9 digits, an empty
    // name, or a code whose parent is missing.
    static Result<Divisions> fromJson(const QByteArray &json);

    bool isEmpty() const { return m_names.isEmpty(); }
    qsizetype size() const { return m_names.size(); }
    QString source() const { return m_source; }

    bool contains(const QString &code) const { return m_names.contains(code); }
    QString name(const QString &code) const { return m_names.value(code); } // empty if unknown
    // Direct children in code order; an empty parent gives the provinces.
    QStringList children(const QString &parentCode = {}) const;
    // Province first, `code` last; empty for an unknown code.
    QStringList path(const QString &code) const;
    // The names along the path run together, as addresses are written (浙江省杭州市西湖区
    // 北山街道), leaving out the placeholder levels (北京市市辖区东城区 → 北京市东城区).
    QString fullName(const QString &code) const;
    bool isStreetLevel(const QString &code) const { return contains(code) && level(code) == 4; }

    // 1 province, 2 city, 3 district, 4 street, from the code's shape alone; 0 if not a code.
    static int level(const QString &code);
    // The code one level up; empty for a province or a malformed code.
    static QString parentCode(const QString &code);
    // Hangzhou (杭州市, 3301) or anything within it.
    static bool isHangzhou(const QString &code);

private:
    static Error invalid(const QString &detail);
    bool isPlaceholder(const QString &code) const;

    QHash<QString, QString> m_names;
    QHash<QString, QStringList> m_children; // "" → provinces
    QString m_source;
};

} // namespace jl::models
