; cmsdesk installer for Windows (Inno Setup 6): a per-user install that needs no administrator
; rights, into %LOCALAPPDATA%\Programs\cmsdesk, and registers .cmsb bundles for the current user
; (HKCU\Software\Classes) so that double-clicking one imports it.
;
; installers/build.py --package runs this on Windows after the PyInstaller build. By hand:
;   iscc /DAppVersion=0.1.0 /DProgramDir=dist\cmsdesk /Odist installers\windows\cmsdesk.iss

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z (installers\build.py --package does it)
#endif
#ifndef ProgramDir
  #define ProgramDir AddBackslash(SourcePath) + "..\..\dist\cmsdesk"
#endif

[Setup]
AppId={{F60ADD5F-12E0-49AA-AFAF-56D4F56F69AF}
AppName=cmsdesk
AppVersion={#AppVersion}
AppVerName=cmsdesk {#AppVersion}
AppPublisher=cmsdesk contributors
AppComments=Offline drafting of the CMS Strategic Plan for Migratory Species
; Per user, always: no elevation prompt, and no "install for all users" choice that would need one.
PrivilegesRequired=lowest
DefaultDirName={autopf}\cmsdesk
DisableProgramGroupPage=yes
DisableDirPage=auto
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
ChangesAssociations=yes
SetupIconFile=..\..\resources\icons\cmsdesk.ico
UninstallDisplayIcon={app}\cmsdesk.exe
UninstallDisplayName=cmsdesk
OutputBaseFilename=cmsdesk-{#AppVersion}-setup
WizardStyle=modern
; This file is UTF-8 with a byte-order mark, so that Inno Setup reads the accented messages right.
Compression=lzma2
SolidCompression=yes

; The Convention's working languages.
[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"
Name: "es"; MessagesFile: "compiler:Languages\Spanish.isl"

[CustomMessages]
en.ImportVerb=Import into cmsdesk
fr.ImportVerb=Importer dans cmsdesk
es.ImportVerb=Importar en cmsdesk
en.BundleType=cmsdesk draft bundle
fr.BundleType=Fichier d'échange de projets cmsdesk
es.BundleType=Archivo de intercambio de borradores de cmsdesk

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The PyInstaller one-folder build: cmsdesk.exe (windowed), cmsdesk-cli.exe (console) and _internal.
Source: "{#ProgramDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; A new version replaces the old program folder's contents instead of mixing with them.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\cmsdesk"; Filename: "{app}\cmsdesk.exe"
Name: "{autodesktop}\cmsdesk"; Filename: "{app}\cmsdesk.exe"; Tasks: desktopicon

[Registry]
; .cmsb -> cmsdesk.bundle, whose "open" verb (shown as "Import into cmsdesk") passes the file to
; cmsdesk.exe, which opens the window and imports it.
Root: HKCU; Subkey: "Software\Classes\.cmsb"; ValueType: string; ValueName: ""; ValueData: "cmsdesk.bundle"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.cmsb"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-cmsdesk-bundle"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.cmsb\OpenWithProgids"; ValueType: string; ValueName: "cmsdesk.bundle"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\cmsdesk.bundle"; ValueType: string; ValueName: ""; ValueData: "{cm:BundleType}"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\cmsdesk.bundle\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\cmsdesk.exe,0"
Root: HKCU; Subkey: "Software\Classes\cmsdesk.bundle\shell"; ValueType: string; ValueName: ""; ValueData: "open"
Root: HKCU; Subkey: "Software\Classes\cmsdesk.bundle\shell\open"; ValueType: string; ValueName: ""; ValueData: "{cm:ImportVerb}"
Root: HKCU; Subkey: "Software\Classes\cmsdesk.bundle\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\cmsdesk.exe"" ""%1"""
Root: HKCU; Subkey: "Software\Classes\Applications\cmsdesk.exe"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\Applications\cmsdesk.exe\SupportedTypes"; ValueType: string; ValueName: ".cmsb"; ValueData: ""

[Run]
Filename: "{app}\cmsdesk.exe"; Description: "{cm:LaunchProgram,cmsdesk}"; Flags: nowait postinstall skipifsilent
