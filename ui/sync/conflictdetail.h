#pragma once

#include "models/store/conflicts.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace jl::models {
class LocalCollections;
}

namespace jl::ui {

// Mine beside the server's, field by field, for one conflict: the fields changed on both
// sides marked (a sign and bold text as well as a tint) and listed first.
class ConflictDetail final : public QWidget {
    Q_OBJECT

public:
    explicit ConflictDetail(const models::LocalCollections &collections, QWidget *parent = nullptr);

    void show(const models::Conflict &conflict);
    void clear();

    QTableWidget *table() const { return m_table; }
    QString headline() const;

    enum Column { Field, Mine, Theirs, ColumnCount };

private:
    const models::LocalCollections &m_collections;
    QLabel *m_headline = nullptr;
    QTableWidget *m_table = nullptr;
};

} // namespace jl::ui
