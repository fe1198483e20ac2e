; Hooks into the NSIS installer the Tauri bundler writes (bundle > windows > nsis >
; installerHooks in tauri.windows.conf.json). The installer is per user: SHCTX is
; HKEY_CURRENT_USER and $INSTDIR is %LOCALAPPDATA%\Dossier.

!include LogicLib.nsh

!define DOSSIER_PROGID "Dossier.Article"
!define DOSSIER_OPEN_COMMAND "$\"$INSTDIR\${MAINBINARYNAME}.exe$\" $\"%1$\""

; "Open with Dossier" for one extension, without taking it over: the extension's default
; program (the key's own value, and the user's choice) is left as it is; Dossier only
; joins the programs offered for it.
!macro DOSSIER_OPEN_WITH EXT
  WriteRegStr SHCTX "Software\Classes\.${EXT}\OpenWithProgids" "${DOSSIER_PROGID}" ""
  WriteRegStr SHCTX "Software\Classes\Applications\${MAINBINARYNAME}.exe\SupportedTypes" ".${EXT}" ""
!macroend

!macro DOSSIER_NOT_OPEN_WITH EXT
  DeleteRegValue SHCTX "Software\Classes\.${EXT}\OpenWithProgids" "${DOSSIER_PROGID}"
  DeleteRegKey /ifempty SHCTX "Software\Classes\.${EXT}\OpenWithProgids"
  DeleteRegKey /ifempty SHCTX "Software\Classes\.${EXT}"
!macroend

!macro NSIS_HOOK_PREINSTALL
!macroend

!macro NSIS_HOOK_POSTINSTALL
  WriteRegStr SHCTX "Software\Classes\${DOSSIER_PROGID}" "" "Article for ${PRODUCTNAME}"
  WriteRegStr SHCTX "Software\Classes\${DOSSIER_PROGID}\DefaultIcon" "" "$\"$INSTDIR\${MAINBINARYNAME}.exe$\",0"
  WriteRegStr SHCTX "Software\Classes\${DOSSIER_PROGID}\shell\open\command" "" "${DOSSIER_OPEN_COMMAND}"
  WriteRegStr SHCTX "Software\Classes\Applications\${MAINBINARYNAME}.exe" "FriendlyAppName" "${PRODUCTNAME}"
  WriteRegStr SHCTX "Software\Classes\Applications\${MAINBINARYNAME}.exe\shell\open\command" "" "${DOSSIER_OPEN_COMMAND}"
  ; The extensions of bundle > fileAssociations in tauri.conf.json (checked by
  ; scripts/check-packaging.sh).
  !insertmacro DOSSIER_OPEN_WITH txt
  !insertmacro DOSSIER_OPEN_WITH text
  !insertmacro DOSSIER_OPEN_WITH md
  !insertmacro DOSSIER_OPEN_WITH markdown
  !insertmacro DOSSIER_OPEN_WITH html
  !insertmacro DOSSIER_OPEN_WITH htm
  !insertmacro DOSSIER_OPEN_WITH pdf
  !insertmacro DOSSIER_OPEN_WITH docx
  ; SHCNE_ASSOCCHANGED: Explorer reads the new "Open with" entries without a restart.
  System::Call "shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)"
!macroend

!macro NSIS_HOOK_PREUNINSTALL
  !insertmacro DOSSIER_NOT_OPEN_WITH txt
  !insertmacro DOSSIER_NOT_OPEN_WITH text
  !insertmacro DOSSIER_NOT_OPEN_WITH md
  !insertmacro DOSSIER_NOT_OPEN_WITH markdown
  !insertmacro DOSSIER_NOT_OPEN_WITH html
  !insertmacro DOSSIER_NOT_OPEN_WITH htm
  !insertmacro DOSSIER_NOT_OPEN_WITH pdf
  !insertmacro DOSSIER_NOT_OPEN_WITH docx
  DeleteRegKey SHCTX "Software\Classes\${DOSSIER_PROGID}"
  DeleteRegKey SHCTX "Software\Classes\Applications\${MAINBINARYNAME}.exe"
  System::Call "shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)"

  ; The library and its backups live in %APPDATA%\<identifier>, which the template's
  ; "Delete the application data" box would remove with RmDir /r. Ticked, the box clears
  ; what can be rebuilt (the web view's data in %LOCALAPPDATA%\<identifier>, the
  ; installer's registry keys) and keeps the articles: the template's removal is skipped.
  ${If} $DeleteAppDataCheckboxState = 1
  ${AndIf} $UpdateMode <> 1
    RmDir /r "$LOCALAPPDATA\${BUNDLEID}"
    DeleteRegKey SHCTX "${MANUPRODUCTKEY}"
    DeleteRegKey /ifempty SHCTX "${MANUKEY}"
    StrCpy $DeleteAppDataCheckboxState 0
    DetailPrint "Kept your library and backups in $APPDATA\${BUNDLEID}"
  ${EndIf}
!macroend

!macro NSIS_HOOK_POSTUNINSTALL
!macroend
