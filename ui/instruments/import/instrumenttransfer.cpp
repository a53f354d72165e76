#include "ui/instruments/import/instrumenttransfer.h"

#include "io/import/instrumentexport.h"
#include "models/itemmodels/instrumenttablemodel.h"
#include "models/rules/warninglevel.h"
#include "models/store/database.h"
#include "ui/common/backgroundjob.h"
#include "ui/common/dialogs.h"
#include "ui/common/screencontext.h"
#include "ui/instruments/import/importdialog.h"
#include "ui/instruments/import/instrumenttransferjobs.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <optional>

namespace jl::ui {

namespace {

QString documents()
{
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}

} // namespace

QString InstrumentTransfer::saveFilter()
{
    return tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)");
}

QString InstrumentTransfer::withTableSuffix(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("xlsx") || suffix == QLatin1String("csv"))
        return path;
    return path + QStringLiteral(".xlsx");
}

ImportDialog *InstrumentTransfer::importFile(ScreenContext &context, QWidget *parent,
                                             const QString &path)
{
    QString file = path;
    if (file.isEmpty())
        file = context.dialogs().openFileName(parent, tr("Choose the file to import"), documents(),
                                              ImportDialog::fileFilter());
    if (file.isEmpty())
        return nullptr;
    auto *dialog = new ImportDialog(context, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    dialog->openFile(file);
    return dialog;
}

void InstrumentTransfer::exportList(ScreenContext &context,
                                    const models::InstrumentTableModel &model, QWidget *parent)
{
    const QStringList ids = model.allIds();
    if (ids.isEmpty()) {
        context.dialogs().information(parent, tr("Nothing to export"),
                                      tr("The list is empty: there is nothing to export."));
        return;
    }
    const QString suggested =
        QDir(documents())
            .filePath(tr("Instruments %1.xlsx").arg(models::shanghaiToday().toString(Qt::ISODate)));
    QString path =
        context.dialogs().saveFileName(parent, tr("Export instruments"), suggested, saveFilter());
    if (path.isEmpty())
        return;
    path = withTableSuffix(path);
    const QString databasePath = context.database().path();
    std::optional<models::Status> written;
    const bool finished = BackgroundJob::run(
        parent, tr("Export"),
        tr("Writing %n instrument(s) to %1…", nullptr, int(ids.size()))
            .arg(QFileInfo(path).fileName()),
        [&written, ids, path, databasePath](BackgroundJob::Control &control) {
            written = InstrumentTransferJobs::exportIds(
                databasePath, ids, path, [&control](double f) { control.setProgress(f); },
                &control.cancel);
        });
    if (!finished) {
        context.dialogs().information(parent, tr("Export cancelled"),
                                      tr("The export was cancelled; no file was written."));
        return;
    }
    if (!written || !written->ok()) {
        context.dialogs().critical(parent, tr("Not exported"),
                                   written ? written->error().message : QString());
        return;
    }
    context.dialogs().information(parent, tr("Exported"),
                                  tr("%n instrument(s) written to %1.", nullptr, int(ids.size()))
                                      .arg(QDir::toNativeSeparators(path)));
}

void InstrumentTransfer::saveTemplate(ScreenContext &context, QWidget *parent)
{
    const QString suggested = QDir(documents()).filePath(tr("Instrument import template.xlsx"));
    QString path = context.dialogs().saveFileName(parent, tr("Save the import template"), suggested,
                                                  saveFilter());
    if (path.isEmpty())
        return;
    path = withTableSuffix(path);
    if (const models::Status saved = io::InstrumentExport::writeTemplate(path); !saved)
        context.dialogs().critical(parent, tr("Template not saved"), saved.error().message);
}

} // namespace jl::ui
