#pragma once

#include "models/reference/divisions.h"

#include <QString>
#include <QWidget>

#include <array>

class QComboBox;

namespace jl::ui {

// The 省 / 市 / 区县 / 街道 cascade for an address (domain.md §6): four combo boxes, each
// starting with a "please select" entry, each filled from the choice above it. A level
// with nothing to offer (streets outside Zhejiang) is disabled. The deepest choice is the
// value. Usable from the keyboard: Tab between levels, arrows or the first character to
// choose.
class DivisionSelector final : public QWidget {
    Q_OBJECT

public:
    // Keeps its own (implicitly shared, so cheap) copy of `divisions`.
    explicit DivisionSelector(const models::Divisions &divisions, QWidget *parent = nullptr);

    // The deepest chosen code (2, 4, 6 or 9 digits), empty when nothing is chosen.
    QString code() const;
    // Selects `code` at whatever level it is and every level above it; an empty code clears
    // every level. Returns false, and clears, when the code is unknown.
    bool setCode(const QString &code);
    bool isStreetLevel() const;

    // The province chosen by clear(), and at once when nothing is chosen yet (Zhejiang for
    // this client: "33"). Empty for none.
    void setDefaultProvince(const QString &provinceCode);
    QString defaultProvince() const { return m_defaultProvince; }

    // Back to the default province, or to nothing.
    void clear();

Q_SIGNALS:
    // After every change of code(), by the user or by setCode() / clear().
    void codeChanged(const QString &code);

private:
    static constexpr int kLevels = 4;

    void fill(int level, const QString &parentCode);
    void levelChosen(int level);
    void emitIfChanged();

    models::Divisions m_divisions;
    std::array<QComboBox *, kLevels> m_combos{};
    QString m_defaultProvince;
    QString m_lastCode;
    bool m_updating = false;
};

} // namespace jl::ui
