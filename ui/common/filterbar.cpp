#include "ui/common/filterbar.h"

#include "ui/common/optionaldateedit.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTimer>

#include <algorithm>

namespace jl::ui {

namespace {
constexpr int PairsPerRow = 3;
constexpr int DefaultTypingDelayMs = 300;
} // namespace

FilterBar::FilterBar(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Filters"));
    m_grid = new QGridLayout(this);
    m_grid->setContentsMargins(0, 0, 0, 0);
    for (int pair = 0; pair < PairsPerRow; ++pair)
        m_grid->setColumnStretch(pair * 2 + 1, 1);

    m_search = new QPushButton(tr("Search"), this);
    m_search->setAccessibleName(tr("Search"));
    m_search->setToolTip(tr("Apply the filter (Enter)"));
    m_reset = new QPushButton(tr("Reset"), this);
    m_reset->setAccessibleName(tr("Reset filters"));
    m_expand = new QPushButton(tr("More"), this);
    m_expand->setAccessibleName(tr("Show more filters"));
    m_expand->setVisible(false);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_search);
    buttons->addWidget(m_reset);
    buttons->addWidget(m_expand);
    m_grid->addLayout(buttons, 0, PairsPerRow * 2, Qt::AlignRight | Qt::AlignTop);

    m_typingTimer = new QTimer(this);
    m_typingTimer->setSingleShot(true);
    m_typingTimer->setInterval(DefaultTypingDelayMs);

    connect(m_typingTimer, &QTimer::timeout, this, &FilterBar::apply);
    connect(m_search, &QPushButton::clicked, this, &FilterBar::apply);
    connect(m_reset, &QPushButton::clicked, this, &FilterBar::reset);
    connect(m_expand, &QPushButton::clicked, this, [this] { setExpanded(!m_expanded); });
}

QLineEdit *FilterBar::addText(const QString &key, const QString &label, Placement placement)
{
    auto *edit = new QLineEdit(this);
    edit->setClearButtonEnabled(true);
    connect(edit, &QLineEdit::textEdited, m_typingTimer, qOverload<>(&QTimer::start));
    addEntry({key, Kind::Text, placement, new QLabel(label, this), edit, edit, {}, {}, {}});
    return edit;
}

QComboBox *FilterBar::addChoice(const QString &key, const QString &label,
                                const QList<Option> &options, Placement placement)
{
    auto *combo = new QComboBox(this);
    combo->addItem(tr("All"), QVariant());
    for (const Option &option : options)
        combo->addItem(option.text, option.value);
    connect(combo, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_resetting)
            apply();
    });
    addEntry({key, Kind::Choice, placement, new QLabel(label, this), combo, {}, combo, {}, {}});
    return combo;
}

void FilterBar::setChoices(const QString &key, const QList<Option> &options)
{
    const Entry *entry = find(key);
    if (!entry || !entry->combo)
        return;
    QComboBox *combo = entry->combo;
    const QVariant chosen = combo->currentData();
    {
        const QSignalBlocker blocker(combo);
        while (combo->count() > 1) // keeps 全部
            combo->removeItem(combo->count() - 1);
        for (const Option &option : options)
            combo->addItem(option.text, option.value);
        combo->setCurrentIndex(qMax(0, combo->findData(chosen)));
    }
    if (combo->currentData() != chosen)
        apply();
}

void FilterBar::addDateRange(const QString &key, const QString &label, Placement placement)
{
    auto *box = new QWidget(this);
    auto *row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    auto *from = new OptionalDateEdit(box);
    auto *to = new OptionalDateEdit(box);
    from->setAccessibleName(tr("%1 from").arg(label));
    to->setAccessibleName(tr("%1 to").arg(label));
    row->addWidget(from, 1);
    row->addWidget(new QLabel(QStringLiteral("–"), box));
    row->addWidget(to, 1);
    for (OptionalDateEdit *edit : {from, to}) {
        connect(edit, &OptionalDateEdit::valueChanged, this, [this] {
            if (!m_resetting)
                apply();
        });
    }
    addEntry({key, Kind::DateRange, placement, new QLabel(label, this), box, {}, {}, from, to});
}

void FilterBar::addEntry(Entry entry)
{
    entry.label->setBuddy(entry.kind == Kind::DateRange ? entry.from.data() : entry.field.data());
    entry.field->setAccessibleName(entry.label->text());
    m_entries.append(entry);
    relayout();
}

void FilterBar::relayout()
{
    // Common fields first, then the advanced ones, so that 展开 only ever adds rows.
    int position = 0;
    for (const Placement placement : {Placement::Common, Placement::Advanced}) {
        for (const Entry &entry : std::as_const(m_entries)) {
            if (entry.placement != placement)
                continue;
            const int row = position / PairsPerRow;
            const int column = (position % PairsPerRow) * 2;
            m_grid->addWidget(entry.label, row, column, Qt::AlignRight | Qt::AlignVCenter);
            m_grid->addWidget(entry.field, row, column + 1);
            const bool shown = placement == Placement::Common || m_expanded;
            entry.label->setVisible(shown);
            entry.field->setVisible(shown);
            ++position;
        }
    }
    m_expand->setVisible(hasAdvanced());
}

bool FilterBar::hasAdvanced() const
{
    return std::any_of(m_entries.cbegin(), m_entries.cend(),
                       [](const Entry &e) { return e.placement == Placement::Advanced; });
}

void FilterBar::setExpanded(bool expanded)
{
    m_expanded = expanded;
    m_expand->setText(expanded ? tr("Less") : tr("More"));
    m_expand->setAccessibleName(expanded ? tr("Show fewer filters") : tr("Show more filters"));
    relayout();
}

void FilterBar::setTypingDelay(int milliseconds)
{
    m_typingTimer->setInterval(milliseconds);
}

const FilterBar::Entry *FilterBar::find(const QString &key) const
{
    for (const Entry &entry : m_entries) {
        if (entry.key == key)
            return &entry;
    }
    return nullptr;
}

QVariant FilterBar::value(const QString &key) const
{
    const Entry *entry = find(key);
    if (!entry)
        return {};
    switch (entry->kind) {
    case Kind::Text: {
        const QString text = entry->text->text().trimmed();
        return text.isEmpty() ? QVariant() : QVariant(text);
    }
    case Kind::Choice:
        return entry->combo->currentData();
    case Kind::DateRange:
        if (entry->from->isEmpty() && entry->to->isEmpty())
            return {};
        return QVariantList{entry->from->value(), entry->to->value()};
    }
    return {};
}

std::pair<QDate, QDate> FilterBar::dateRange(const QString &key) const
{
    const Entry *entry = find(key);
    if (!entry || entry->kind != Kind::DateRange)
        return {};
    return {entry->from->value(), entry->to->value()};
}

void FilterBar::setValue(const QString &key, const QVariant &value)
{
    const Entry *entry = find(key);
    if (!entry)
        return;
    m_resetting = true;
    switch (entry->kind) {
    case Kind::Text:
        entry->text->setText(value.toString());
        break;
    case Kind::Choice: {
        const int index = value.isValid() ? entry->combo->findData(value) : 0;
        entry->combo->setCurrentIndex(qMax(0, index));
        break;
    }
    case Kind::DateRange: {
        const QVariantList range = value.toList();
        entry->from->setValue(range.value(0).toDate());
        entry->to->setValue(range.value(1).toDate());
        break;
    }
    }
    m_resetting = false;
    // A value set on a hidden field must not silently filter: show it.
    if (entry->placement == Placement::Advanced && value.isValid() && !m_expanded)
        setExpanded(true);
}

QVariantMap FilterBar::values() const
{
    QVariantMap result;
    for (const Entry &entry : m_entries) {
        const QVariant v = value(entry.key);
        if (v.isValid())
            result.insert(entry.key, v);
    }
    return result;
}

bool FilterBar::isFiltering() const
{
    return !values().isEmpty();
}

QString FilterBar::summary() const
{
    QStringList parts;
    for (const Entry &entry : m_entries) {
        if (!value(entry.key).isValid())
            continue;
        QString shown;
        switch (entry.kind) {
        case Kind::Text:
            shown = entry.text->text().trimmed();
            break;
        case Kind::Choice:
            shown = entry.combo->currentText();
            break;
        case Kind::DateRange: {
            const auto [from, to] = dateRange(entry.key);
            shown = from.toString(Qt::ISODate) + QStringLiteral(" – ") + to.toString(Qt::ISODate);
            break;
        }
        }
        parts.append(tr("%1: %2").arg(entry.label->text(), shown));
    }
    return parts.join(tr("; "));
}

QWidget *FilterBar::firstField() const
{
    if (m_entries.isEmpty())
        return nullptr;
    const Entry &first = m_entries.constFirst();
    return first.kind == Kind::DateRange ? first.from.data() : first.field.data();
}

void FilterBar::apply()
{
    m_typingTimer->stop();
    Q_EMIT filterChanged();
}

void FilterBar::applyArguments(const QVariantMap &arguments)
{
    if (arguments.value(QStringLiteral("reset")).toBool())
        clear();
    for (auto it = arguments.cbegin(); it != arguments.cend(); ++it)
        setValue(it.key(), it.value());
    apply();
}

void FilterBar::clear()
{
    for (const Entry &entry : std::as_const(m_entries))
        setValue(entry.key, {});
}

void FilterBar::reset()
{
    clear();
    apply();
}

void FilterBar::focusFirstField()
{
    if (QWidget *field = firstField())
        field->setFocus(Qt::ShortcutFocusReason);
}

void FilterBar::keyPressEvent(QKeyEvent *event)
{
    // Enter anywhere in the bar runs the query (line edits pass Return on to their parent).
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        apply();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace jl::ui
