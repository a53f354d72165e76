#pragma once

#include "ui/common/screen.h"

class QAction;
class QSplitter;
class QUrl;

#include <functional>
#include <memory>

namespace jl::models {
class InstrumentMatchRanker;
class UnmatchedRecordModel;
} // namespace jl::models

namespace jl::ui {

class ListScreen;
class MatchCandidatePane;
class ScreenContext;
class ScreenRegistry;

namespace ScreenIds {
inline constexpr auto UnmatchedRecords = "instruments.unmatched";
} // namespace ScreenIds

// 未匹配检定记录处理 (domain.md §8, user manual §2.5): the verification records no instrument
// matches, usually because the instrument was never registered or its serial was typed
// differently. Beside the list, the likely instruments of the selected record;
// 关联 corrects the chosen instrument's serial to the record's (after a confirmation showing
// old → new), and the server re-matches when that change syncs — until then the record
// shows "已关联，待同步". 导入 (Ctrl+N) opens the add form prefilled from the record.
// Enter on a record links its selected candidate, the best one unless another was picked,
// again only after the confirmation. 查看证书 opens the record's certificate file once sync
// has downloaded it into the account's file store.
class UnmatchedRecordsScreen final : public Screen {
    Q_OBJECT

public:
    explicit UnmatchedRecordsScreen(ScreenContext &context, QWidget *parent = nullptr);
    ~UnmatchedRecordsScreen() override;

    // Under 计量器具管理, after 曾用计量器具库.
    static void registerScreen(ScreenRegistry &registry, ScreenContext &context);

    void applyArguments(const QVariantMap &arguments) override;

    ListScreen *list() const { return m_list; }
    models::UnmatchedRecordModel *model() const { return m_model; }
    MatchCandidatePane *candidates() const { return m_pane; }
    QAction *linkAction() const { return m_link; }
    QAction *importAction() const { return m_import; }
    QAction *certificateAction() const { return m_certificate; }
    // How a file is opened (QDesktopServices::openUrl unless replaced, e.g. by a test).
    void setFileOpener(std::function<bool(const QUrl &)> opener) { m_opener = std::move(opener); }

public Q_SLOTS:
    void linkSelected();
    void importSelected();
    void openCertificate();

private:
    void applyFilter();
    void refresh();
    void showCandidates();
    void updateSummary();
    QString selectedId() const;
    void selectId(const QString &id);

    ScreenContext &m_context;
    QSplitter *m_splitter = nullptr;
    ListScreen *m_list = nullptr;
    models::UnmatchedRecordModel *m_model = nullptr;
    MatchCandidatePane *m_pane = nullptr;
    // Keeps the library's serials between selections; dropped after every change.
    std::unique_ptr<models::InstrumentMatchRanker> m_ranker;
    QAction *m_link = nullptr;
    QAction *m_import = nullptr;
    QAction *m_certificate = nullptr;
    std::function<bool(const QUrl &)> m_opener;
};

} // namespace jl::ui
