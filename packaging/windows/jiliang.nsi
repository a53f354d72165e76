; Windows installer for Jiliang (计量). Build the release preset on Windows, run
;   windeployqt --release --no-compiler-runtime <stage>\jiliang.exe
; then: makensis /DSTAGE=<stage> /DVERSION=0.1.0 packaging\windows\jiliang.nsi
; Checked here on Linux with: makensis -DSTAGE=/tmp/stage -DVERSION=0.1.0 packaging/windows/jiliang.nsi
Unicode true
!ifndef VERSION
  !define VERSION "0.1.0"
!endif
!ifndef STAGE
  !define STAGE "stage"
!endif

Name "计量 Jiliang ${VERSION}"
OutFile "jiliang-${VERSION}-setup.exe"
InstallDir "$PROGRAMFILES64\Jiliang"
RequestExecutionLevel admin
SetCompressor /SOLID lzma

!include "MUI2.nsh"
!insertmacro MUI_PAGE_LICENSE "..\..\LICENSE"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

Section "Jiliang"
  SetOutPath "$INSTDIR"
  File /r "${STAGE}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortCut "$SMPROGRAMS\计量 Jiliang.lnk" "$INSTDIR\jiliang.exe"
  WriteRegStr HKLM "Software\Microsoft\Windows\CurrentVersion\Uninstall\Jiliang" "DisplayName" "计量 Jiliang"
  WriteRegStr HKLM "Software\Microsoft\Windows\CurrentVersion\Uninstall\Jiliang" "UninstallString" "$INSTDIR\uninstall.exe"
SectionEnd

; The local databases live under the user's AppData and are never removed by the
; uninstaller: they may hold edits that were never synced.
Section "Uninstall"
  Delete "$SMPROGRAMS\计量 Jiliang.lnk"
  RMDir /r "$INSTDIR"
  DeleteRegKey HKLM "Software\Microsoft\Windows\CurrentVersion\Uninstall\Jiliang"
SectionEnd
