#include "ui/common/divisionselector.h"

#include <QComboBox>
#include <QHBoxLayout>

namespace jl::ui {

DivisionSelector::DivisionSelector(const models::Divisions &divisions, QWidget *parent)
    : QWidget(parent)
    , m_divisions(divisions)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    const std::array<QString, kLevels> names = {tr("Province"), tr("City"),
                                                tr("District or county"), tr("Street or township")};
    const std::array<QLatin1String, kLevels> objectNames = {
        QLatin1String("province"), QLatin1String("city"), QLatin1String("district"),
        QLatin1String("street")};
    for (int level = 0; level < kLevels; ++level) {
        auto *combo = new QComboBox(this);
        combo->setObjectName(objectNames[size_t(level)]);
        combo->setAccessibleName(names[size_t(level)]);
        combo->setToolTip(names[size_t(level)]);
        // Long street names (…经济技术开发区) must not stretch a form: show about eight
        // characters and let the popup be as wide as it needs.
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(8);
        layout->addWidget(combo, 1);
        m_combos[size_t(level)] = combo;
        connect(combo, &QComboBox::currentIndexChanged, this,
                [this, level] { levelChosen(level); });
    }
    m_updating = true;
    fill(0, QString());
    m_updating = false;
}

// Refills `level` with the children of `parentCode` (none when it is empty below the
// provinces) and empties every level under it.
void DivisionSelector::fill(int level, const QString &parentCode)
{
    for (int l = level; l < kLevels; ++l) {
        QComboBox *combo = m_combos[size_t(l)];
        combo->clear();
        combo->addItem(tr("Please select…"), QString());
        if (l == level && (level == 0 || !parentCode.isEmpty())) {
            const QStringList codes = m_divisions.children(parentCode);
            for (const QString &code : codes)
                combo->addItem(m_divisions.name(code), code);
        }
        combo->setCurrentIndex(0);
        combo->setEnabled(combo->count() > 1);
    }
}

void DivisionSelector::levelChosen(int level)
{
    if (m_updating)
        return;
    m_updating = true;
    if (level + 1 < kLevels)
        fill(level + 1, m_combos[size_t(level)]->currentData().toString());
    m_updating = false;
    emitIfChanged();
}

QString DivisionSelector::code() const
{
    for (int level = kLevels - 1; level >= 0; --level) {
        const QString code = m_combos[size_t(level)]->currentData().toString();
        if (!code.isEmpty())
            return code;
    }
    return {};
}

bool DivisionSelector::setCode(const QString &code)
{
    const QStringList path = m_divisions.path(code);
    m_updating = true;
    fill(0, QString());
    for (int level = 0; level < path.size() && level < kLevels; ++level) {
        QComboBox *combo = m_combos[size_t(level)];
        combo->setCurrentIndex(qMax(0, combo->findData(path.at(level))));
        if (level + 1 < kLevels)
            fill(level + 1, path.at(level));
    }
    m_updating = false;
    emitIfChanged();
    return path.size() > 0 || code.isEmpty();
}

bool DivisionSelector::isStreetLevel() const
{
    return m_divisions.isStreetLevel(code());
}

void DivisionSelector::setDefaultProvince(const QString &provinceCode)
{
    m_defaultProvince = provinceCode;
    if (code().isEmpty())
        clear();
}

void DivisionSelector::clear()
{
    setCode(m_defaultProvince);
}

void DivisionSelector::emitIfChanged()
{
    const QString now = code();
    if (now == m_lastCode)
        return;
    m_lastCode = now;
    Q_EMIT codeChanged(now);
}

} // namespace jl::ui
