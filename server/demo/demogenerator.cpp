#include "server/demo/demogenerator.h"

#include "models/demo/democatalogue.h"
#include "models/demo/demorandom.h"
#include "models/domain/instrument.h"
#include "server/api/instrumentrules.h"
#include "server/api/verificationmatcher.h"
#include "server/storage/recordstore.h"

namespace jl::server {

namespace demo = models::demo;

namespace {

// Kinds in the demo catalogue: 0 fuel dispenser, 1 DC meter, 2 AC meter.
constexpr int FuelKind = 0;
constexpr int DcKind = 1;
constexpr int AcKind = 2;

QString streetAddress(const demo::Street &s, int number)
{
    return QString::fromUtf8(s.city) + QString::fromUtf8(s.district) + QString::fromUtf8(s.street) +
           QString::fromUtf8(s.roads[number % 2]) + QString::number(number) + QStringLiteral("号");
}

} // namespace

DemoGenerator::DemoGenerator(demo::DemoRandom &random, QDate today)
    : m_random(random)
    , m_today(today)
{}

QString DemoGenerator::uuid()
{
    return m_random.uuid();
}

QString DemoGenerator::serialFor(int kindIndex, int index)
{
    // A multiplier prime to 10 permutes the numbers: unique, yet not consecutive.
    const qint64 n = (qint64(index) * 7919 + 104729) % 1000000000;
    switch (kindIndex) {
    case FuelKind:
        return QString::number(n).rightJustified(9, QLatin1Char('0'));
    case AcKind:
        return QStringLiteral("000") + QString::number(n).rightJustified(9, QLatin1Char('0'));
    default:
        return QStringLiteral("33012023") + QString::number(n).rightJustified(10, QLatin1Char('0'));
    }
}

Outcome<DemoGenerator::Site> DemoGenerator::writeSite(RecordStore &store, const Profile &p,
                                                      int index)
{
    const demo::Street &street = m_random.pick(demo::streets());
    Site site;
    site.id = uuid();
    site.address = streetAddress(street, m_random.between(1, 999));
    site.divisionCode = QString::fromLatin1(street.code);
    site.institution = QString::fromUtf8(demo::cityOf(street).institution);
    StoredRecord r;
    r.collection = QStringLiteral("sites");
    r.id = site.id;
    const QString area = QString::fromUtf8(street.street).remove(QStringLiteral("街道"));
    if (p.kind == Kind::ChargingOperator) {
        const demo::ChargingOperator &op = m_random.pick(demo::chargingOperators());
        const int piles = m_random.between(4, 20);
        r.data = {
            {QStringLiteral("kind"), QStringLiteral("charging")},
            {QStringLiteral("stationCode"),
             QStringLiteral("ZJCD%1").arg(330000 + index * 37, 8, 10, QLatin1Char('0'))},
            {QStringLiteral("name"), QString(area + QStringLiteral("充电站%1").arg(index + 1))},
            {QStringLiteral("platform"), QString::fromUtf8(op.platform)},
            {QStringLiteral("operator"), QString::fromUtf8(op.company)},
            {QStringLiteral("operatingStatus"),
             m_random.percent(92) ? QStringLiteral("营业中") : QStringLiteral("暂停营业")},
            {QStringLiteral("pileCount"), piles},
            {QStringLiteral("gunCount"), piles * 2}};
    } else {
        r.data = {{QStringLiteral("kind"), QStringLiteral("fuel")},
                  {QStringLiteral("stationCode"),
                   QStringLiteral("JY%1").arg(index + 1, 3, 10, QLatin1Char('0'))},
                  {QStringLiteral("name"), QString(area + QStringLiteral("加油站"))},
                  {QStringLiteral("platform"), QString()},
                  {QStringLiteral("operator"), QString()},
                  {QStringLiteral("operatingStatus"), QString()},
                  {QStringLiteral("pileCount"), 0},
                  {QStringLiteral("gunCount"), 0}};
    }
    r.data.insert(QStringLiteral("divisionCode"), site.divisionCode);
    r.data.insert(QStringLiteral("address"), site.address);
    if (auto w = store.write(r); !w)
        return w.error();
    return site;
}

Done DemoGenerator::writeContacts(RecordStore &store, Made &made)
{
    static const char *const names[] = {"王建国", "李秀英", "张伟", "陈静"};
    for (int n = 0; n < 2; ++n) {
        const demo::Street &street = m_random.pick(demo::streets());
        const QString code = QString::fromLatin1(street.code);
        StoredRecord r;
        r.collection = QStringLiteral("contacts");
        r.id = uuid();
        r.data = {{QStringLiteral("name"), QString::fromUtf8(names[m_random.below(4)])},
                  {QStringLiteral("phone"),
                   QStringLiteral("13%1").arg(m_random.between(300000000, 999999999))},
                  {QStringLiteral("province"), code.left(2)},
                  {QStringLiteral("city"), code.left(4)},
                  {QStringLiteral("district"), code.left(6)},
                  {QStringLiteral("street"), code},
                  {QStringLiteral("address"), streetAddress(street, m_random.between(1, 300))},
                  {QStringLiteral("isLiaison"), n == 0}};
        if (auto w = store.write(r); !w)
            return w.error();
        ++made.contacts;
    }
    return {};
}

Done DemoGenerator::writeInstrument(RecordStore &store, const Profile &p, Site &site, int index,
                                    Made &made)
{
    const int kindIndex = p.kind == Kind::ChargingOperator
                              ? (m_random.percent(60) ? DcKind : AcKind)
                              : (p.kind == Kind::FuelChain ? FuelKind : m_random.between(0, 2));
    const demo::InstrumentKind &kind = demo::instrumentKinds().at(kindIndex);
    const demo::Model &model = m_random.pick(kind.models);
    models::Instrument i;
    i.id = uuid();
    i.serialNo = serialFor(kindIndex, index);
    i.name = QString::fromUtf8(kind.name);
    i.category = QString::fromUtf8(kind.category);
    i.model = QString::fromUtf8(model.model);
    i.measuringRange = QString::fromUtf8(model.measuringRange);
    i.accuracyClass = QString::fromUtf8(model.accuracyClass);
    i.manufacturer = QString::fromUtf8(model.manufacturer);
    i.installDate = m_today.addDays(-m_random.between(200, 2500));
    i.productionDate = i.installDate.addDays(-m_random.between(30, 300));
    i.userUnit = p.enterpriseName;
    i.installLocation = site.address;
    i.divisionCode = site.divisionCode;
    i.verificationPeriodMonths = kind.periodMonths;
    i.siteId = site.id;
    i.remarks =
        QStringLiteral("%1号%2")
            .arg(++site.positions)
            .arg(kindIndex == FuelKind ? QStringLiteral("加油机") : QStringLiteral("充电桩"));
    i.status =
        m_random.percent(4) ? models::InstrumentStatus::Suspended : models::InstrumentStatus::InUse;
    StoredRecord r;
    r.collection = QStringLiteral("instruments");
    r.id = i.id;
    // The benchmark enterprise carries its results inline; the others get them from
    // verification records, matched as they would be when an institution uploads them.
    const bool verified = m_random.percent(85);
    const QDate last = m_today.addDays(-m_random.between(0, kind.periodMonths * 30 + 30));
    if (p.kind == Kind::Benchmark && verified) {
        i.verificationResult = models::VerificationResult::Pass;
        i.lastVerificationDate = last;
        i.validUntil = last.addMonths(kind.periodMonths).addDays(-1);
        i.lastInstitution = site.institution;
    }
    r.data = models::toJson(i);
    r.data.remove(QStringLiteral("id"));
    InstrumentRules().index(r);
    if (auto w = store.write(r); !w)
        return w.error();
    ++made.instruments;
    if (p.kind == Kind::Benchmark || !verified)
        return {};
    StoredRecord v;
    v.collection = QLatin1String(VerificationMatcher::Records);
    v.id = uuid();
    v.data = {{QStringLiteral("certificateNo"),
               QStringLiteral("JD%1-%2").arg(last.year()).arg(index + 100000)},
              {QStringLiteral("serialNo"), i.serialNo},
              {QStringLiteral("instrumentName"), i.name},
              {QStringLiteral("model"), i.model},
              {QStringLiteral("institution"), site.institution},
              {QStringLiteral("verifiedAt"), last.toString(Qt::ISODate)},
              {QStringLiteral("result"),
               m_random.percent(3) ? QStringLiteral("fail") : QStringLiteral("pass")},
              {QStringLiteral("validUntil"),
               last.addMonths(kind.periodMonths).addDays(-1).toString(Qt::ISODate)},
              {QStringLiteral("certificate"), QString()}};
    if (auto a = VerificationMatcher::arrive(store, v); !a)
        return a.error();
    ++made.verificationRecords;
    return {};
}

Outcome<DemoGenerator::Made> DemoGenerator::populate(RecordStore &store, const Profile &p)
{
    Made made;
    if (Done d = writeContacts(store, made); !d)
        return d.error();
    QList<Site> sites;
    for (int s = 0; s < p.sites; ++s) {
        auto site = writeSite(store, p, s);
        if (!site)
            return site.error();
        sites.append(site.value());
    }
    made.sites = int(sites.size());
    for (int n = 0; n < p.instruments; ++n) {
        if (Done d = writeInstrument(store, p, sites[n % sites.size()], n, made); !d)
            return d.error();
    }
    // 未匹配检定记录: the institution wrote a serial the enterprise never registered.
    for (int n = 0; n < p.unmatchedRecords; ++n) {
        StoredRecord v;
        v.collection = QLatin1String(VerificationMatcher::Records);
        v.id = uuid();
        const QDate at = m_today.addDays(-m_random.between(5, 120));
        const int kindIndex = p.kind == Kind::ChargingOperator ? DcKind : FuelKind;
        v.data = {
            {QStringLiteral("certificateNo"), QStringLiteral("JD%1-U%2").arg(at.year()).arg(n + 1)},
            {QStringLiteral("serialNo"), serialFor(kindIndex, 900000 + n)},
            {QStringLiteral("instrumentName"),
             QString::fromUtf8(demo::instrumentKinds().at(kindIndex).name)},
            {QStringLiteral("model"), QString()},
            {QStringLiteral("institution"), demo::provincialInstitution()},
            {QStringLiteral("verifiedAt"), at.toString(Qt::ISODate)},
            {QStringLiteral("result"), QStringLiteral("pass")},
            {QStringLiteral("validUntil"), at.addYears(1).addDays(-1).toString(Qt::ISODate)},
            {QStringLiteral("certificate"), QString()}};
        if (auto a = VerificationMatcher::arrive(store, v); !a)
            return a.error();
        ++made.verificationRecords;
        ++made.unmatched;
    }
    return made;
}

} // namespace jl::server
