#pragma once

#include <QDate>
#include <QList>
#include <QPointer>
#include <QString>
#include <QVariant>
#include <QVariantMap>
#include <QWidget>

#include <utility>

class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;

namespace jl::ui {

class OptionalDateEdit;

// The filter form above a list (ui.md "List screens"): label + field pairs, three per row,
// the common ones visible and the rarer ones behind 展开/收起. 查询 or Enter applies the
// filter, 重置 clears it; text fields also apply after a short pause while typing, choices
// and dates as soon as they change. The bar only collects values: the screen turns
// filterChanged() into a query.
class FilterBar final : public QWidget {
    Q_OBJECT

public:
    enum class Placement { Common, Advanced };
    struct Option {
        QString text;
        QVariant value;
    };

    explicit FilterBar(QWidget *parent = nullptr);

    QLineEdit *addText(const QString &key, const QString &label,
                       Placement placement = Placement::Common);
    // A choice among `options`, preceded by 全部 (no filter, an invalid value).
    // Replaces a choice's options (a list that changes, like the sites), keeping the chosen
    // value when it is still offered; the filter runs again only when the choice was lost.
    void setChoices(const QString &key, const QList<Option> &options);
    QComboBox *addChoice(const QString &key, const QString &label, const QList<Option> &options,
                         Placement placement = Placement::Common);
    // Two date pickers, from and to (either may be empty); the value is a QVariantList.
    void addDateRange(const QString &key, const QString &label,
                      Placement placement = Placement::Common);

    // A text (trimmed), a choice's value, or {from, to} for a range; invalid when unset.
    QVariant value(const QString &key) const;
    std::pair<QDate, QDate> dateRange(const QString &key) const;
    // Sets a field without applying; call apply() afterwards (one query for many fields).
    void setValue(const QString &key, const QVariant &value);
    // Every field that is set.
    QVariantMap values() const;
    bool isFiltering() const;
    // "Label: value; …" of the fields that are set, for printouts.
    QString summary() const;

    bool isExpanded() const { return m_expanded; }
    void setExpanded(bool expanded);
    bool hasAdvanced() const;
    void setTypingDelay(int milliseconds);
    // The first field, for Ctrl+F.
    QWidget *firstField() const;

    // Empties every field without applying (arguments set some afterwards, then apply()).
    void clear();
    // A screen opened with arguments (Screen::applyArguments): "reset" clears first, every
    // other key sets the filter of that key; then the filter runs.
    void applyArguments(const QVariantMap &arguments);

public Q_SLOTS:
    void apply();
    // Empties every field and applies.
    void reset();
    void focusFirstField();

Q_SIGNALS:
    void filterChanged();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    enum class Kind { Text, Choice, DateRange };
    struct Entry {
        QString key;
        Kind kind;
        Placement placement;
        QPointer<QLabel> label;
        QPointer<QWidget> field;
        QPointer<QLineEdit> text;
        QPointer<QComboBox> combo;
        QPointer<OptionalDateEdit> from;
        QPointer<OptionalDateEdit> to;
    };

    void addEntry(Entry entry);
    void relayout();
    const Entry *find(const QString &key) const;

    QList<Entry> m_entries;
    QGridLayout *m_grid = nullptr;
    QPushButton *m_search = nullptr;
    QPushButton *m_reset = nullptr;
    QPushButton *m_expand = nullptr;
    QTimer *m_typingTimer = nullptr;
    bool m_expanded = false;
    bool m_resetting = false;
};

} // namespace jl::ui
