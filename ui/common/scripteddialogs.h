#pragma once

#include "ui/common/dialogs.h"

#include <QList>
#include <QStringList>

namespace jl::ui {

// For tests: answers come from queues filled beforehand, and every request is recorded.
// An unanswered question gets its default button and an unanswered file dialog is
// cancelled, the safe outcomes; the record shows that it happened.
class ScriptedDialogs final : public Dialogs {
public:
    enum class Kind { Information, Warning, Critical, Question, SaveFile, OpenFile };
    struct Request {
        Kind kind;
        QString title;
        QString text; // the message, or the caption of a file dialog
    };

    void answerQuestion(QMessageBox::StandardButton answer) { m_answers.append(answer); }
    void answerFile(const QString &path) { m_files.append(path); }

    const QList<Request> &requests() const { return m_requests; }
    // The last request, or an empty one of kind Information when nothing was asked.
    Request lastRequest() const;
    int count(Kind kind) const;
    void clear();

    void information(QWidget *parent, const QString &title, const QString &text) override;
    void warning(QWidget *parent, const QString &title, const QString &text) override;
    void critical(QWidget *parent, const QString &title, const QString &text) override;
    QMessageBox::StandardButton question(QWidget *parent, const QString &title, const QString &text,
                                         QMessageBox::StandardButtons buttons,
                                         QMessageBox::StandardButton defaultButton) override;
    QString saveFileName(QWidget *parent, const QString &caption, const QString &path,
                         const QString &filter) override;
    QString openFileName(QWidget *parent, const QString &caption, const QString &dir,
                         const QString &filter) override;

private:
    QList<Request> m_requests;
    QList<QMessageBox::StandardButton> m_answers;
    QStringList m_files;
};

} // namespace jl::ui
