#include "ui/instruments/instrumentfilterfields.h"

#include "models/domain/instrumentvalidator.h"
#include "models/itemmodels/sitelistmodel.h"
#include "ui/common/filterbar.h"
#include "ui/common/screencontext.h"

namespace jl::ui {

namespace F = models::InstrumentField;
using models::InstrumentValidator;
using Placement = FilterBar::Placement;

namespace {
QString key(const char *k)
{
    return QLatin1String(k);
}
} // namespace

void InstrumentFilterFields::addActive(FilterBar &bar, ScreenContext &context)
{
    addHistory(bar);

    QList<FilterBar::Option> statuses;
    using S = models::InstrumentStatus;
    for (const S s : {S::InUse, S::Suspended, S::Scrapped})
        statuses.append({models::displayName(s), models::toWire(s)});
    bar.addChoice(key(Status), InstrumentValidator::fieldLabel(QLatin1String(F::Status)), statuses);

    QList<FilterBar::Option> results;
    using R = models::VerificationResult;
    for (const R r : {R::Pass, R::Fail, R::None})
        results.append({models::displayName(r), models::toWire(r)});
    bar.addChoice(key(VerificationResult),
                  InstrumentValidator::fieldLabel(QLatin1String(F::VerificationResult)), results);

    bar.addChoice(key(InAppointment), tr("In an appointment"),
                  {{tr("Yes"), true}, {tr("No"), false}});

    bar.addChoice(key(Site), InstrumentValidator::fieldLabel(QLatin1String(F::SiteId)), {});
    refreshSites(bar, context);

    QList<FilterBar::Option> levels;
    using W = models::WarningLevel;
    for (const W w : {W::Alert, W::Warning, W::Notice})
        levels.append({models::displayName(w), models::wireName(w)});
    levels.append({tr("No warning"), models::wireName(W::None)});
    bar.addChoice(key(WarningLevel), tr("Warning level"), levels, Placement::Advanced);

    bar.addChoice(key(Complete), tr("Completeness"),
                  {{tr("Complete"), true}, {tr("Incomplete"), false}}, Placement::Advanced);
}

void InstrumentFilterFields::refreshSites(FilterBar &bar, ScreenContext &context)
{
    QList<FilterBar::Option> sites;
    const models::SiteListModel siteModel(context.database());
    for (int row = 0; row < siteModel.rowCount(); ++row)
        sites.append({siteModel.index(row).data().toString(), siteModel.idAt(row)});
    bar.setChoices(key(Site), sites);
}

void InstrumentFilterFields::addHistory(FilterBar &bar)
{
    bar.addText(key(Name), InstrumentValidator::fieldLabel(QLatin1String(F::Name)));
    bar.addText(key(SerialNo), InstrumentValidator::fieldLabel(QLatin1String(F::SerialNo)));
}

models::InstrumentFilter InstrumentFilterFields::read(const FilterBar &bar,
                                                      models::Lifecycle lifecycle)
{
    models::InstrumentFilter filter;
    filter.lifecycle = lifecycle;
    filter.name = bar.value(key(Name)).toString();
    filter.serialNo = InstrumentValidator::normalizedSerial(bar.value(key(SerialNo)).toString());
    if (const QVariant v = bar.value(key(Status)); v.isValid())
        filter.status = models::instrumentStatusFromWire(v.toString());
    if (const QVariant v = bar.value(key(VerificationResult)); v.isValid())
        filter.verificationResult = models::verificationResultFromWire(v.toString());
    if (const QVariant v = bar.value(key(InAppointment)); v.isValid())
        filter.inAppointment = v.toBool();
    filter.siteId = bar.value(key(Site)).toString();
    if (const QVariant v = bar.value(key(WarningLevel)); v.isValid()) {
        using W = models::WarningLevel;
        for (const W w : {W::None, W::Notice, W::Warning, W::Alert}) {
            if (models::wireName(w) == v.toString())
                filter.warningLevel = w;
        }
    }
    if (const QVariant v = bar.value(key(Complete)); v.isValid())
        filter.complete = v.toBool();
    return filter;
}

} // namespace jl::ui
