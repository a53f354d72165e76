#include "models/demo/demoinstruments.h"

#include "models/demo/democatalogue.h"
#include "models/demo/demorandom.h"
#include "models/domain/instrumentvalidator.h"
#include "models/rules/warninglevel.h"
#include "models/store/database.h"
#include "models/store/instrumentrow.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QTimeZone>

#include <iterator>

namespace jl::models::demo {

namespace {

QString u8(const char *text)
{
    return QString::fromUtf8(text);
}

// A cleared QString binds as NULL; the text columns are NOT NULL DEFAULT ''.
QVariant notNull(const QVariant &v)
{
    return v.typeId() == QMetaType::QString && v.toString().isNull() ? QVariant(QStringLiteral(""))
                                                                     : v;
}

// Where the certificate stands relative to today, which decides the warning level.
enum class Verification { NoRecord, Failed, Expired, DueSoon, DueLater, Valid };

struct Plan {
    Verification verification = Verification::Valid;
    InstrumentStatus status = InstrumentStatus::InUse;
    bool history = false;
    bool incomplete = false;
};

// The first ten instruments show every case even in a tiny demo.
const Plan Forced[] = {
    {.verification = Verification::NoRecord},
    {.verification = Verification::Failed},
    {.verification = Verification::Expired},
    {.verification = Verification::DueSoon},
    {.verification = Verification::DueLater},
    {},
    {.incomplete = true},
    {.status = InstrumentStatus::Suspended},
    {.status = InstrumentStatus::Scrapped},
    {.history = true},
};

Plan planFor(DemoRandom &random, int index)
{
    if (index < int(std::size(Forced)))
        return Forced[index];
    Plan p;
    const int v = random.below(1000);
    p.verification = v < 30    ? Verification::NoRecord
                     : v < 45  ? Verification::Failed
                     : v < 105 ? Verification::Expired
                     : v < 165 ? Verification::DueSoon
                     : v < 235 ? Verification::DueLater
                               : Verification::Valid;
    p.history = random.percent(4);
    const int s = random.below(1000);
    p.status = s < 30   ? InstrumentStatus::Suspended
               : s < 45 ? InstrumentStatus::Scrapped
                        : InstrumentStatus::InUse;
    p.incomplete = random.percent(4);
    return p;
}

// Serials of the shapes seen on real nameplates. `index` keeps them unique: a multiplier
// prime to 10 permutes the numbers, so neighbours do not get consecutive serials.
QString serialFor(const InstrumentKind &kind, int index, DemoRandom &random)
{
    const qint64 scrambled = (qint64(index) * 7919 + 104729) % 100000000;
    const QString digits8 = QStringLiteral("%1").arg(scrambled, 8, 10, QLatin1Char('0'));
    switch (kind.serialShape) {
    case SerialShape::LeadingZeros9:
        return QLatin1Char('0') + digits8;
    case SerialShape::Digits12:
        return QStringLiteral("0000") + digits8;
    case SerialShape::Digits18:
        return QStringLiteral("3301%1").arg(random.between(2019, 2025)) + QStringLiteral("00") +
               digits8;
    case SerialShape::Lettered:
        return QLatin1String(kind.serialLetters) + QString::number(random.between(18, 25)) +
               digits8;
    }
    return digits8;
}

const InstrumentKind &kindFor(const DemoSite &site, DemoRandom &random)
{
    const QList<InstrumentKind> &kinds = instrumentKinds();
    // Charging stations hold DC and AC piles; the first matching kind is DC.
    QList<int> matching;
    for (int k = 0; k < kinds.size(); ++k) {
        if (site.kind == QLatin1String(kinds.at(k).siteKind))
            matching.append(k);
    }
    if (matching.size() > 1 && random.percent(30))
        return kinds.at(matching.at(1));
    return kinds.at(matching.constFirst());
}

QString positionLabel(const InstrumentKind &kind, int position)
{
    const QString siteKind = QLatin1String(kind.siteKind);
    if (siteKind == QLatin1String("fuel"))
        return QString::number(position) + u8("号加油机");
    if (siteKind == QLatin1String("charging"))
        return QString::number(position) + u8("号充电桩");
    if (siteKind == QLatin1String("shop"))
        return QString::number(position) + u8("号摊位");
    return QString::number(position) + u8("号诊室");
}

void setVerification(Instrument &i, const Plan &plan, const DemoSite &site, QDate today,
                     DemoRandom &random)
{
    const int period = i.verificationPeriodMonths > 0 ? i.verificationPeriodMonths : 12;
    QDate validUntil;
    switch (plan.verification) {
    case Verification::NoRecord:
        // Newly installed, never verified yet.
        i.installDate = today.addDays(-random.between(1, 60));
        i.productionDate = i.installDate.addDays(-random.between(20, 300));
        return;
    case Verification::Failed:
        i.verificationResult = VerificationResult::Fail;
        i.lastVerificationDate = today.addDays(-random.between(1, 60));
        break;
    case Verification::Expired:
        validUntil = today.addDays(-random.between(1, 200));
        break;
    case Verification::DueSoon:
        validUntil = today.addDays(random.between(0, 20));
        break;
    case Verification::DueLater:
        validUntil = today.addDays(random.between(21, 40));
        break;
    case Verification::Valid:
        validUntil = today.addDays(random.between(41, int(today.daysTo(today.addMonths(period)))));
        break;
    }
    if (validUntil.isValid()) {
        i.verificationResult = VerificationResult::Pass;
        i.validUntil = validUntil;
        i.lastVerificationDate = validUntil.addMonths(-period).addDays(1);
    }
    i.lastInstitution = site.institution;
    i.installDate = i.lastVerificationDate.addDays(-random.between(0, 4 * 365));
    i.productionDate = i.installDate.addDays(-random.between(20, 400));
}

// Blanks one field the *complete* rule asks for, as imports from old spreadsheets do.
void makeIncomplete(Instrument &i, DemoRandom &random)
{
    switch (random.below(6)) {
    case 0:
        i.model.clear();
        break;
    case 1:
        i.measuringRange.clear();
        break;
    case 2:
        i.manufacturer.clear();
        break;
    case 3:
        i.installDate = QDate();
        break;
    case 4:
        i.divisionCode = i.divisionCode.left(6);
        break; // district only
    default:
        i.verificationPeriodMonths = 0;
        break;
    }
}

void count(const Instrument &i, QDate today, DemoSummary &summary)
{
    ++summary.instruments;
    summary.history += i.lifecycle == Lifecycle::History;
    summary.suspended += i.status == InstrumentStatus::Suspended;
    summary.scrapped += i.status == InstrumentStatus::Scrapped;
    summary.incomplete += !InstrumentValidator::isComplete(i);
    if (i.lifecycle != Lifecycle::Active || i.status != InstrumentStatus::InUse)
        return;
    switch (warningLevel(i, today)) {
    case WarningLevel::Alert:
        ++summary.alert;
        break;
    case WarningLevel::Warning:
        ++summary.warning;
        break;
    case WarningLevel::Notice:
        ++summary.notice;
        break;
    case WarningLevel::None:
        ++summary.none;
        break;
    }
}

} // namespace

Status writeInstruments(Database &db, DemoRandom &random, QList<DemoSite> &sites,
                        const DemoOptions &options, DemoSummary &summary)
{
    QStringList marks;
    for (int n = instrumentrow::columns().count(QLatin1Char(',')); n >= 0; --n)
        marks.append(QStringLiteral("?"));
    QSqlQuery insert(db.connection());
    if (!insert.prepare(QStringLiteral("INSERT INTO instrument (") + instrumentrow::columns() +
                        QStringLiteral(") VALUES (") + marks.join(QLatin1Char(',')) +
                        QLatin1Char(')')))
        return Database::sqlError(
            DemoData::tr("Could not write the demo data; nothing was changed."),
            insert.lastError().text());

    const QDate today = options.today;
    const QDateTime morning(today, QTime(8, 0), QTimeZone(8 * 3600));
    QString lastActiveSerial;
    for (int index = 0; index < options.instruments; ++index) {
        const Plan plan = planFor(random, index);
        DemoSite &site = sites[random.below(int(sites.size()))];
        const InstrumentKind &kind = kindFor(site, random);
        const Model &model = random.pick(kind.models);

        Instrument i;
        i.id = random.uuid();
        i.rev = random.between(1, 40);
        i.updatedAt = morning.addSecs(-qint64(random.below(365 * 24 * 3600)));
        i.serialNo = serialFor(kind, index, random);
        i.name = u8(kind.name);
        i.category = u8(kind.category);
        i.model = u8(model.model);
        i.measuringRange = u8(model.measuringRange);
        i.accuracyClass = u8(model.accuracyClass);
        i.manufacturer = u8(model.manufacturer);
        i.userUnit = site.userUnit;
        i.installLocation =
            site.address + QLatin1Char(' ') + positionLabel(kind, site.nextPosition++);
        i.divisionCode = site.divisionCode;
        i.status = plan.status;
        i.verificationPeriodMonths = kind.periodMonths;
        i.siteId = site.id;
        setVerification(i, plan, site, today, random);
        if (plan.incomplete)
            makeIncomplete(i, random);
        if (plan.history) {
            i.lifecycle = Lifecycle::History;
            i.removedAt = morning.addSecs(-qint64(random.between(1, 700)) * 24 * 3600);
            // A replaced instrument's serial is sometimes registered again on its successor.
            if (!lastActiveSerial.isEmpty() && random.percent(30))
                i.serialNo = lastActiveSerial;
        } else {
            lastActiveSerial = i.serialNo;
        }

        const QVariantList values = instrumentrow::values(i);
        for (const QVariant &v : values)
            insert.addBindValue(notNull(v));
        if (!insert.exec())
            return Database::sqlError(
                DemoData::tr("Could not write the demo data; nothing was changed."),
                insert.lastError().text());
        count(i, today, summary);
    }
    return {};
}

} // namespace jl::models::demo
