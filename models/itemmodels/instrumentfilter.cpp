#include "models/itemmodels/instrumentfilter.h"

#include "models/domain/instrumentvalidator.h"

#include <QStringList>

namespace jl::models {

namespace {

// LIKE treats % and _ as wildcards: a user looking for "50%" or "A_1" means them literally.
QString likeEscaped(const QString &text)
{
    QString escaped;
    escaped.reserve(text.size() + 4);
    for (QChar c : text) {
        if (c == QLatin1Char('\\') || c == QLatin1Char('%') || c == QLatin1Char('_'))
            escaped += QLatin1Char('\\');
        escaped += c;
    }
    return escaped;
}

// The characters InstrumentValidator::trimmed() removes, as an SQLite string expression.
QString trimmedSql(const char *column)
{
    return QStringLiteral("trim(") + QLatin1String(column) +
           QStringLiteral(", char(32, 9, 10, 13, 160, 12288))");
}

// warningLevelSql() = level, as comparisons of valid_until with precomputed dates: 预警 and 提示
// become range searches on the (lifecycle, valid_until) index instead of a CASE evaluated on every
// row.
void appendWarningLevel(QStringList &parts, QVariantMap &binds, const InstrumentFilter &filter,
                        QDate today, WarningThresholds t)
{
    const WarningLevel level = *filter.warningLevel;
    if (filter.lifecycle != Lifecycle::Active) {
        // Only active instruments carry a level.
        if (level != WarningLevel::None)
            parts.append(QStringLiteral("0"));
        return;
    }
    // The same cases, in the same order, as the CASE of warningLevelSql().
    const auto valid = QStringLiteral("verification_result <> 'fail' AND valid_until >= :f_today");
    switch (level) {
    case WarningLevel::Alert:
        parts.append(QStringLiteral(
            "status = 'inUse' AND (verification_result = 'fail' OR valid_until IS NULL OR "
            "valid_until < :f_today)"));
        break;
    case WarningLevel::Warning:
        parts.append(QStringLiteral("status = 'inUse' AND ") + valid +
                     QStringLiteral(" AND valid_until <= :f_warning_until"));
        break;
    case WarningLevel::Notice:
        parts.append(QStringLiteral("status = 'inUse' AND ") + valid +
                     QStringLiteral(" AND valid_until > :f_warning_until AND "
                                    "valid_until <= :f_notice_until"));
        break;
    case WarningLevel::None:
        parts.append(QStringLiteral("(status <> 'inUse' OR (") + valid +
                     QStringLiteral(" AND valid_until > :f_warning_until AND "
                                    "valid_until > :f_notice_until))"));
        break;
    }
    const QVariantMap all = warningSqlBinds(today, t);
    for (auto it = all.cbegin(); it != all.cend(); ++it) {
        if (parts.constLast().contains(it.key()))
            binds.insert(it.key(), it.value());
    }
}

} // namespace

QString prefixUpperBound(const QString &prefix)
{
    // SQLite's BINARY collation compares UTF-8 bytes, that is code points: increment the
    // last code point, skipping the surrogate block, carrying into the previous one when the
    // last is already the highest.
    QList<uint> points = prefix.toUcs4();
    while (!points.isEmpty()) {
        uint last = points.takeLast() + 1;
        if (last >= 0xD800 && last <= 0xDFFF)
            last = 0xE000;
        if (last <= 0x10FFFF) {
            points.append(last);
            return QString::fromUcs4(reinterpret_cast<const char32_t *>(points.constData()),
                                     points.size());
        }
    }
    return {};
}

QString instrumentCompleteSql()
{
    // Same fields, same order and same trimming as InstrumentValidator::missingForComplete.
    const QStringList conditions = {
        trimmedSql("category") + QStringLiteral(" <> ''"),
        trimmedSql("model") + QStringLiteral(" <> ''"),
        trimmedSql("measuring_range") + QStringLiteral(" <> ''"),
        trimmedSql("manufacturer") + QStringLiteral(" <> ''"),
        trimmedSql("install_location") + QStringLiteral(" <> ''"),
        // Street level: 9 digits (GB/T 2260 + township), or 12 with the village part.
        QStringLiteral("length(division_code) >= 9"),
        QStringLiteral("date(install_date) IS NOT NULL"),
        QStringLiteral("verification_period_months > 0"),
    };
    return QStringLiteral("(CASE WHEN ") + conditions.join(QStringLiteral(" AND ")) +
           QStringLiteral(" THEN 1 ELSE 0 END)");
}

SqlWhere toSql(const InstrumentFilter &filter, QDate today, WarningThresholds thresholds)
{
    SqlWhere where;
    QStringList parts;

    // The lifecycle and tombstone tests are program constants, not user text: written as
    // literals they let SQLite use the partial index on active serials for counting.
    parts.append(QStringLiteral("deleted = 0"));
    parts.append(QStringLiteral("lifecycle = '") + toWire(filter.lifecycle) + QLatin1Char('\''));

    const QString name = InstrumentValidator::trimmed(filter.name);
    if (!name.isEmpty()) {
        // A substring cannot use an index; a scan of 100,000 names is still a few ms.
        parts.append(QStringLiteral("name LIKE :f_name ESCAPE '\\'"));
        where.binds.insert(QStringLiteral(":f_name"),
                           QString(QLatin1Char('%') + likeEscaped(name) + QLatin1Char('%')));
    }

    // Serials are stored normalised (half-width, trimmed): so is the prefix typed.
    const QString serial = InstrumentValidator::normalizedSerial(filter.serialNo);
    if (!serial.isEmpty()) {
        // A range rather than LIKE 'p%': it uses the (lifecycle, serial_no) index and is
        // case-sensitive like the uniqueness of serials.
        parts.append(QStringLiteral("serial_no >= :f_serial"));
        where.binds.insert(QStringLiteral(":f_serial"), serial);
        const QString next = prefixUpperBound(serial);
        if (!next.isEmpty()) {
            parts.append(QStringLiteral("serial_no < :f_serial_next"));
            where.binds.insert(QStringLiteral(":f_serial_next"), next);
        }
    }

    if (filter.status) {
        parts.append(QStringLiteral("status = :f_status"));
        where.binds.insert(QStringLiteral(":f_status"), toWire(*filter.status));
    }
    if (filter.verificationResult) {
        parts.append(QStringLiteral("verification_result = :f_result"));
        where.binds.insert(QStringLiteral(":f_result"), toWire(*filter.verificationResult));
    }
    if (filter.warningLevel)
        appendWarningLevel(parts, where.binds, filter, today, thresholds);
    if (filter.complete) {
        parts.append(instrumentCompleteSql() +
                     (*filter.complete ? QStringLiteral(" = 1") : QStringLiteral(" = 0")));
    }
    if (!filter.siteId.isEmpty()) {
        parts.append(QStringLiteral("site_id = :f_site"));
        where.binds.insert(QStringLiteral(":f_site"), filter.siteId);
    }
    // Appointments do not exist yet (issue 6): no instrument is in one, so "in an
    // appointment" matches nothing and "not in one" matches everything.
    if (filter.inAppointment.value_or(false))
        parts.append(QStringLiteral("0"));

    where.clause = parts.join(QStringLiteral(" AND "));
    return where;
}

} // namespace jl::models
