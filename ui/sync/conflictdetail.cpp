#include "ui/sync/conflictdetail.h"

#include "models/itemmodels/conflictlistmodel.h"
#include "models/store/localcollection.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace jl::ui {

namespace {
// The amber of 预警 (ui.md), as a light tint behind a conflicting row.
const QColor ConflictTint(0xb2, 0x6a, 0x00, 40);
} // namespace

ConflictDetail::ConflictDetail(const models::LocalCollections &collections, QWidget *parent)
    : QWidget(parent)
    , m_collections(collections)
{
    m_headline = new QLabel(this);
    m_headline->setWordWrap(true);
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setHorizontalHeaderLabels({tr("Field"), tr("Mine"), tr("Server's")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(Mine, QHeaderView::Stretch);
    m_table->setAccessibleName(tr("Mine and the server's, field by field"));
    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->addWidget(m_headline);
    column->addWidget(m_table, 1);
    clear();
}

QString ConflictDetail::headline() const
{
    return m_headline->text();
}

void ConflictDetail::clear()
{
    m_headline->setText(tr("Select a conflict to compare your version with the server's."));
    m_table->setRowCount(0);
}

void ConflictDetail::show(const models::Conflict &c)
{
    const models::LocalCollection *collection = m_collections.find(c.collection);
    QString headline = models::ConflictListModel::situationText(c);
    if (c.serverDeleted)
        headline += tr(": the server deleted this record. Keep mine makes it again; take the "
                       "server's deletes it here too.");
    else if (c.localDeleted)
        headline += tr(": you deleted this record. Keep mine deletes it on the server; take the "
                       "server's brings it back with the server's values.");
    else
        headline += tr(": the marked fields were changed here and on the server. Keep mine sends "
                       "your values; take the server's keeps its values.");
    m_headline->setText(headline);

    QStringList fields = c.fields;
    const QStringList all = collection ? collection->fields() : QStringList();
    for (const QString &f : all) {
        if (!fields.contains(f))
            fields.append(f);
    }
    m_table->setRowCount(int(fields.size()));
    for (int row = 0; row < fields.size(); ++row) {
        const QString &field = fields.at(row);
        const bool conflicting = c.fields.contains(field);
        const QString label = collection ? collection->fieldLabel(field) : field;
        auto text = [&](const QJsonObject &side, bool gone) {
            if (gone)
                return tr("(deleted)");
            const QJsonValue v = side.value(field);
            return collection ? collection->displayValue(field, v) : v.toVariant().toString();
        };
        auto *name = new QTableWidgetItem(conflicting ? tr("≠ %1").arg(label) : label);
        auto *mine = new QTableWidgetItem(text(c.mine, c.localDeleted));
        auto *theirs = new QTableWidgetItem(text(c.theirs, c.serverDeleted));
        for (QTableWidgetItem *item : {name, mine, theirs}) {
            if (conflicting) {
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
                item->setBackground(ConflictTint);
                item->setToolTip(tr("Changed on both sides"));
            }
        }
        m_table->setItem(row, Field, name);
        m_table->setItem(row, Mine, mine);
        m_table->setItem(row, Theirs, theirs);
    }
    m_table->resizeColumnToContents(Field);
}

} // namespace jl::ui
