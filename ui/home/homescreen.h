#pragma once

#include "ui/common/screen.h"

class QLabel;

namespace jl::ui {

class ScreenContext;
class ScreenRegistry;
class StatCard;

// 首页: what there is to see so far. Counts of the instrument libraries and of the
// three-colour warnings (domain.md §5.1), each opening the list it counts.
class HomeScreen final : public Screen {
    Q_OBJECT

public:
    explicit HomeScreen(ScreenContext &context, QWidget *parent = nullptr);

    // 首页, pinned, at the top of the navigation.
    static void registerScreen(ScreenRegistry &registry, ScreenContext &context);

    StatCard *activeCard() const { return m_active; }
    StatCard *historyCard() const { return m_history; }
    StatCard *alertCard() const { return m_alert; }
    StatCard *warningCard() const { return m_warning; }
    StatCard *noticeCard() const { return m_notice; }

public Q_SLOTS:
    void refresh();

private:
    StatCard *addCard(const QString &caption, const QString &color, const QString &screenId,
                      const QVariantMap &arguments);

    ScreenContext &m_context;
    StatCard *m_active = nullptr;
    StatCard *m_history = nullptr;
    StatCard *m_alert = nullptr;
    StatCard *m_warning = nullptr;
    StatCard *m_notice = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace jl::ui
