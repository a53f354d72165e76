#pragma once

#include "io/import/importtypes.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QLabel;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTableWidget;

namespace jl::ui {

class ScreenContext;

// 导入 (issue 5, domain.md §5.4): a file, a preview of its first rows with the header row
// found, the column mapping the user can correct, what to do with serials already in the
// library (更新 / 跳过), the exact per-row report of a dry run (saveable as .xlsx), then the
// import itself. Every read runs on a worker thread behind a progress dialog with Cancel;
// the import is one transaction, so a cancelled or failed import leaves the library as it
// was.
class ImportDialog final : public QDialog {
    Q_OBJECT

public:
    explicit ImportDialog(ScreenContext &context, QWidget *parent = nullptr);
    ~ImportDialog() override;

    // Reads the header and the first rows, then checks every row. False when the file is
    // refused (the reason is shown) or the user cancelled.
    bool openFile(const QString &path);

    QString file() const { return m_path; }
    int headerRow() const;
    // The mapping as the combos show it: per file column, a field name or empty (ignored).
    QStringList fields() const;
    models::OnExisting onExisting() const;
    const io::ImportReport &report() const { return m_report; }
    bool imported() const { return m_imported; }

    QTableWidget *previewTable() const { return m_preview; }
    QTableWidget *mappingTable() const { return m_mapping; }
    QComboBox *mappingCombo(int column) const;
    QTableWidget *reportTable() const { return m_reportTable; }
    QLabel *summaryLabel() const { return m_summary; }
    QSpinBox *headerRowBox() const { return m_headerRow; }
    QRadioButton *updateButton() const { return m_update; }
    QRadioButton *skipButton() const { return m_skip; }
    QPushButton *chooseButton() const { return m_choose; }
    QPushButton *checkButton() const { return m_check; }
    QPushButton *importButton() const { return m_import; }
    QPushButton *saveReportButton() const { return m_saveReport; }

    // For tests: run on the worker thread at the first progress report of every job, so a
    // test can press Cancel while a job is surely under way.
    void setWorkerHook(std::function<void()> hook) { m_workerHook = std::move(hook); }

    // The file-dialog filter of the files import reads.
    static QString fileFilter();
    static bool isImportable(const QString &path);

public Q_SLOTS:
    void chooseFile();
    // A dry run: the exact report, nothing kept.
    bool check();
    void runImport();
    void saveReport();

Q_SIGNALS:
    void importFinished();

private:
    bool inspect(int headerRow);
    // Runs the import (dry or not) behind the progress dialog. False when cancelled.
    bool runJob(bool dryRun, models::Result<io::ImportReport> &result);
    void showReport(const QString &summary);
    void mappingChanged();
    void setRefused(const QString &reason);
    void updateButtons();
    io::ImportOptions options() const;

    ScreenContext &m_context;
    QString m_path;
    io::HeaderInfo m_header;
    io::ImportReport m_report;
    bool m_inspected = false;
    bool m_checked = false;
    bool m_imported = false;
    std::function<void()> m_workerHook;

    QLabel *m_fileLabel = nullptr;
    QPushButton *m_choose = nullptr;
    QSpinBox *m_headerRow = nullptr;
    QTableWidget *m_preview = nullptr;
    QTableWidget *m_mapping = nullptr;
    QRadioButton *m_update = nullptr;
    QRadioButton *m_skip = nullptr;
    QLabel *m_summary = nullptr;
    QTableWidget *m_reportTable = nullptr;
    QPushButton *m_check = nullptr;
    QPushButton *m_import = nullptr;
    QPushButton *m_saveReport = nullptr;
};

} // namespace jl::ui
