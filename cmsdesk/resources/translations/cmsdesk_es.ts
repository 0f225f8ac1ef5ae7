<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AlternativeCard</name>
    <message>
        <source>Choose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to the Trash</source>
        <translation type="unfinished">Enviar a la papelera</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation type="unfinished">Conservarlo</translation>
    </message>
    <message>
        <source>Settle the field with option %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommentsPanel</name>
    <message>
        <source>Comments</source>
        <translation>Comentarios</translation>
    </message>
    <message>
        <source>Mark resolved</source>
        <translation>Marcar como resuelto</translation>
    </message>
    <message>
        <source>Write a comment (Ctrl+Enter adds it)</source>
        <translation>Escriba un comentario (Ctrl+Intro lo añade)</translation>
    </message>
    <message>
        <source>Add comment</source>
        <translation>Añadir comentario</translation>
    </message>
    <message>
        <source>No comments on this node yet.</source>
        <translation>Todavía no hay comentarios sobre este elemento.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>resuelto</translation>
    </message>
</context>
<context>
    <name>ConflictBanner</name>
    <message>
        <source>removes “%1”</source>
        <translation>suprime «%1»</translation>
    </message>
    <message>
        <source>Contested field</source>
        <translation>Campo en disputa</translation>
    </message>
    <message>
        <source>Contested deletion: some moved this to the Trash while others edited it. It stays visible until someone decides.</source>
        <translation>Eliminación en disputa: algunos enviaron esto a la papelera mientras otros lo editaban. Sigue visible hasta que alguien decida.</translation>
    </message>
    <message>
        <source>Contested place: this was moved to different places. Move it where it belongs to settle it.</source>
        <translation>Ubicación en disputa: esto se movió a lugares distintos. Muévalo a donde corresponda para decidir.</translation>
    </message>
    <message>
        <source>The %1 is contested: %2 proposals. The field shows them as bracketed options.</source>
        <translation>El campo «%1» está en disputa: %2 propuestas. El campo las muestra como opciones entre corchetes.</translation>
    </message>
    <message>
        <source>The %1 is contested: %2 proposals. The first is shown until someone chooses.</source>
        <translation>El campo «%1» está en disputa: %2 propuestas. Se muestra la primera hasta que alguien elija.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>Move to the Trash</source>
        <translation>Enviar a la papelera</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Conservarlo</translation>
    </message>
    <message>
        <source>%1 — wanted by %2</source>
        <translation>%1 — según %2</translation>
    </message>
    <message>
        <source>Option %1 — proposed by %2</source>
        <translation>Opción %1 — propuesta por %2</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Use this</source>
        <translation>Usar esta</translation>
    </message>
    <message>
        <source>Settle the field with this alternative</source>
        <translation>Resolver el campo con esta propuesta</translation>
    </message>
</context>
<context>
    <name>CoverageModel</name>
    <message>
        <source>%1 plan targets address it</source>
        <translation>%1 metas del plan la abordan</translation>
    </message>
    <message>
        <source>%1 links</source>
        <translation>%1 vínculos</translation>
    </message>
    <message>
        <source>not linked</source>
        <translation>sin vínculo</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Vínculos</translation>
    </message>
    <message>
        <source>Plan targets</source>
        <translation>Metas del plan</translation>
    </message>
    <message>
        <source>Goal %1, target %2: %3</source>
        <translation>Objetivo %1, meta %2: %3</translation>
    </message>
</context>
<context>
    <name>CoverageView</name>
    <message>
        <source>Coverage matrix</source>
        <translation>Matriz de cobertura</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>%1 plan targets, %2 framework targets. Framework targets no plan target addresses: %3. Plan targets with no cross-reference: %4. ● primary, ○ supporting.</source>
        <translation>%1 metas del plan, %2 metas del marco. Metas del marco que ninguna meta del plan aborda: %3. Metas del plan sin referencia cruzada: %4. ● principal, ○ complementaria.</translation>
    </message>
</context>
<context>
    <name>DocumentOptionsDialog</name>
    <message>
        <source>Export to Word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the compilation of comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include the Companion Volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the first version of the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Proposals received since:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annex:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date on the document:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DraftsView</name>
    <message>
        <source>Named draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mark the current state as a named draft…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export a &amp;full bundle for everyone…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole plan as it stands, for distribution to every Party</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the node shown in the editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new since the draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in the draft, gone now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked the named draft %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No named draft yet: mark the current state to compare with it later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compared with %1 (%2): %3 node(s) differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text is as it was in %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (new since the draft)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (no longer in the plan)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportBundleDialog</name>
    <message>
        <source>Export a bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone (a full draft, for distribution)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;For:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cmsdesk bundles (*.cmsb)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select one version to see what it changed, or two to compare them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Party</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore this version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make this version&apos;s text the current one, as a new version that travels in your next bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inserted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Field:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a node to see the history of its fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the version of %1 (%2) to that of %3 (%4):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What %1 changed (%2):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the %1 of %2 from %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <source>&amp;Import bundles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import draft bundles (.cmsb) received from others</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import bundles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cmsdesk bundles (*.cmsb);;All files (*)</source>
        <translation type="unfinished">Borradores de cmsdesk (*.cmsb);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Importing bundles</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <source>Bundles imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged cleanly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; was refused: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Review the changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolve &amp;conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 file(s) imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused: nothing of those files was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 not imported: the import was cancelled before them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 conflict(s) created: the proposals stand side by side until someone settles them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not imported: the import was cancelled before this file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>someone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verified (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NOT verified (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature is valid, but this key has not been seen from this sender before. Check its fingerprint with the sender before trusting it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing new: everything in this file was here already</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Outline</source>
        <translation>Esquema</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Búsqueda</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Papelera</translation>
    </message>
    <message>
        <source>Cross-references</source>
        <translation>Referencias cruzadas</translation>
    </message>
    <message>
        <source>Coverage matrix</source>
        <translation>Matriz de cobertura</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>Editor</translation>
    </message>
    <message>
        <source>Go to the next contested place</source>
        <translation>Ir al siguiente punto en disputa</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Buscar…</translation>
    </message>
    <message>
        <source>Plan &amp;details…</source>
        <translation>&amp;Datos del plan…</translation>
    </message>
    <message>
        <source>My &amp;profile…</source>
        <translation>Mi &amp;perfil…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Markdown &amp;preview</source>
        <translation>&amp;Vista previa Markdown</translation>
    </message>
    <message>
        <source>&amp;About cmsdesk</source>
        <translation>&amp;Acerca de cmsdesk</translation>
    </message>
    <message>
        <source>&amp;Coverage matrix</source>
        <translation>&amp;Matriz de cobertura</translation>
    </message>
    <message>
        <source>Plan targets against framework targets</source>
        <translation>Metas del plan frente a metas del marco</translation>
    </message>
    <message>
        <source>Go to the &amp;outline</source>
        <translation>Ir al &amp;esquema</translation>
    </message>
    <message>
        <source>Go to the &amp;editor</source>
        <translation>Ir al &amp;editor</translation>
    </message>
    <message>
        <source>Go to the cross-&amp;references</source>
        <translation>Ir a las &amp;referencias cruzadas</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edición</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Añadir</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barra de herramientas principal</translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation>Almacén: %1</translation>
    </message>
    <message>
        <source>1 unresolved conflict</source>
        <translation>1 conflicto sin resolver</translation>
    </message>
    <message>
        <source>%1 unresolved conflicts</source>
        <translation>%1 conflictos sin resolver</translation>
    </message>
    <message>
        <source>cmsdesk</source>
        <translation>cmsdesk</translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation>Deshacer: %1</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>Nada que deshacer</translation>
    </message>
    <message>
        <source>Redo: %1</source>
        <translation>Rehacer: %1</translation>
    </message>
    <message>
        <source>Nothing to redo</source>
        <translation>Nada que rehacer</translation>
    </message>
    <message>
        <source>Edit the plan&apos;s %1</source>
        <translation>Editar «%1» del plan</translation>
    </message>
    <message>
        <source>About cmsdesk</source>
        <translation>Acerca de cmsdesk</translation>
    </message>
    <message>
        <source>&lt;b&gt;cmsdesk %1&lt;/b&gt;&lt;p&gt;Offline drafting of the Strategic Plan for Migratory Species: edit on your laptop, exchange drafts as bundle files, see who proposed what.&lt;/p&gt;</source>
        <translation>&lt;b&gt;cmsdesk %1&lt;/b&gt;&lt;p&gt;Redacción sin conexión del Plan Estratégico para las Especies Migratorias: edite en su portátil, intercambie borradores como archivos, vea quién propuso qué.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MarkDraftDialog</name>
    <message>
        <source>Mark a named draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the plan as it stands now, for example before sending it out for consultation. Later you can see everything received since, and compare the text with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Consultation draft 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. UNEP/CMS/COP11/Doc.15.2</source>
        <translation type="unfinished">p. ej. UNEP/CMS/COP11/Doc.15.2</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished">&amp;Nombre:</translation>
    </message>
    <message>
        <source>Document &amp;symbol:</source>
        <translation type="unfinished">&amp;Signatura del documento:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NodeEditor</name>
    <message>
        <source>Select a goal or target in the outline to edit it.</source>
        <translation>Seleccione un objetivo o una meta en el esquema para editarlo.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Estado:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Título:</translation>
    </message>
    <message>
        <source>Te&amp;xt</source>
        <translation>Te&amp;xto</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Nota</translation>
    </message>
    <message>
        <source>contested: see the proposals above the text</source>
        <translation>en disputa: vea las propuestas encima del texto</translation>
    </message>
    <message>
        <source>&amp;Indicators</source>
        <translation>&amp;Indicadores</translation>
    </message>
    <message>
        <source>&amp;Milestones</source>
        <translation>&amp;Hitos</translation>
    </message>
    <message>
        <source>&amp;Actors</source>
        <translation>&amp;Actores</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Comentarios</translation>
    </message>
    <message>
        <source>(in the Trash)</source>
        <translation>(en la papelera)</translation>
    </message>
    <message>
        <source>Comments (%1)</source>
        <translation>Comentarios (%1)</translation>
    </message>
    <message>
        <source>Edit %1 of %2</source>
        <translation>Editar «%1» de %2</translation>
    </message>
    <message>
        <source>Move %1 to the Trash</source>
        <translation>Enviar %1 a la papelera</translation>
    </message>
    <message>
        <source>Keep %1</source>
        <translation>Conservar %1</translation>
    </message>
    <message>
        <source>Choose the %1 of %2</source>
        <translation>Elegir «%1» de %2</translation>
    </message>
</context>
<context>
    <name>OutlineModel</name>
    <message>
        <source>Move %1</source>
        <translation>Mover %1</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(sin título)</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Estado: %1</translation>
    </message>
    <message>
        <source>Contested: proposals disagree here</source>
        <translation>En disputa: las propuestas difieren aquí</translation>
    </message>
    <message>
        <source>Edit %1 of %2</source>
        <translation>Editar «%1» de %2</translation>
    </message>
    <message>
        <source>Move nodes</source>
        <translation>Mover elementos</translation>
    </message>
</context>
<context>
    <name>OutlinePanel</name>
    <message>
        <source>Filter by number or title (e.g. T7)</source>
        <translation>Filtrar por número o título (p. ej. T7)</translation>
    </message>
    <message>
        <source>Filter the outline</source>
        <translation>Filtrar el esquema</translation>
    </message>
    <message>
        <source>Plan outline</source>
        <translation>Esquema del plan</translation>
    </message>
    <message>
        <source>New part</source>
        <translation>Nueva parte</translation>
    </message>
    <message>
        <source>New chapter</source>
        <translation>Nuevo capítulo</translation>
    </message>
    <message>
        <source>New goal</source>
        <translation>Nuevo objetivo</translation>
    </message>
    <message>
        <source>New target</source>
        <translation>Nueva meta</translation>
    </message>
    <message>
        <source>New indicator</source>
        <translation>Nuevo indicador</translation>
    </message>
    <message>
        <source>New annex</source>
        <translation>Nuevo anexo</translation>
    </message>
    <message>
        <source>New correspondence annex</source>
        <translation>Nuevo anexo de correspondencia</translation>
    </message>
    <message>
        <source>Add a part</source>
        <translation>Añadir una parte</translation>
    </message>
    <message>
        <source>Add a chapter</source>
        <translation>Añadir un capítulo</translation>
    </message>
    <message>
        <source>Add a goal</source>
        <translation>Añadir un objetivo</translation>
    </message>
    <message>
        <source>Add a target</source>
        <translation>Añadir una meta</translation>
    </message>
    <message>
        <source>Add an indicator</source>
        <translation>Añadir un indicador</translation>
    </message>
    <message>
        <source>Add an annex</source>
        <translation>Añadir un anexo</translation>
    </message>
    <message>
        <source>Add the correspondence annex</source>
        <translation>Añadir el anexo de correspondencia</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Cambiar el nombre</translation>
    </message>
    <message>
        <source>Move to Trash</source>
        <translation>Enviar a la papelera</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <source>Move %1 to the Trash</source>
        <translation>Enviar %1 a la papelera</translation>
    </message>
    <message>
        <source>%1 is in the Trash (Undo brings it back)</source>
        <translation>%1 está en la papelera (Deshacer lo recupera)</translation>
    </message>
</context>
<context>
    <name>PlanDetailsDialog</name>
    <message>
        <source>Plan details</source>
        <translation>Datos del plan</translation>
    </message>
    <message>
        <source>e.g. UNEP/CMS/COP11/Doc.15.2</source>
        <translation>p. ej. UNEP/CMS/COP11/Doc.15.2</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Título:</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Período:</translation>
    </message>
    <message>
        <source>Document &amp;symbol:</source>
        <translation>&amp;Signatura del documento:</translation>
    </message>
</context>
<context>
    <name>PlanDocument</name>
    <message>
        <source>The store could not be written, so the edit was not saved: %1</source>
        <translation>No se pudo escribir en el almacén, así que el cambio no se guardó: %1</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Who is editing?</source>
        <translation>¿Quién edita?</translation>
    </message>
    <message>
        <source>cmsdesk attributes every proposal and comment to you, so that the Secretariat and other Parties can see who proposed what. You can change this later.</source>
        <translation>cmsdesk le atribuye cada propuesta y comentario, para que la Secretaría y las demás Partes vean quién propuso qué. Puede cambiarlo más adelante.</translation>
    </message>
    <message>
        <source>e.g. Kenya, or the CMS Secretariat</source>
        <translation>p. ej. Kenia, o la Secretaría de la CMS</translation>
    </message>
    <message>
        <source>delegate</source>
        <translation>delegado</translation>
    </message>
    <message>
        <source>focal point</source>
        <translation>punto focal</translation>
    </message>
    <message>
        <source>Secretariat</source>
        <translation>Secretaría</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Party or organisation:</source>
        <translation>&amp;Parte u organización:</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>&amp;Región:</translation>
    </message>
    <message>
        <source>R&amp;ole:</source>
        <translation>&amp;Función:</translation>
    </message>
</context>
<context>
    <name>ResolveView</name>
    <message>
        <source>First the text all proposals share; then each option, with what it changes in that text marked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the text everyone can accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save the combined text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished">Cancelar</translation>
    </message>
    <message>
        <source>&lt;b&gt;Combined text&lt;/b&gt; — start from the options and edit them into one text:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep as bracketed options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settle the field with the [Option 1 (...): ...] [Option 2 (...): ...] form: the negotiation goes on in the text itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit a combined text…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Leave for later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the next contested field; this one stays contested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added to the common text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>taken out of it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 proposals)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 contested field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 contested fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;No conflicts.&lt;/b&gt; Every field has one agreed value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Common text&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The parts every proposal shares, with the wording the proposals started from where they differ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settle %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The combined text is empty: write the text, or choose one of the options.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewPanels</name>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Named drafts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Review changes received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What each Party proposed since a named draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolve &amp;conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History of this field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Named drafts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mark a named draft…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a bundle (.cmsb) for a Party or for everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to &amp;Word…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export compilation of &amp;comments…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Markdown…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <source>Changes since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only not yet reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include my own changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Party</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mark reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;not reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;vert this change…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a new version with the text the field had before this change; it travels in your next bundle like any edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in the &amp;editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes since:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Party:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inserted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the first version of the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a day…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the plan before %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 change(s) from %2 Party(ies) since %3; %4 not yet reviewed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All regions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All Parties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 change(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (in the Trash)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
By %2. Tick when reviewed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Select a change, a field or a node to see what was proposed, compared with %1.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert this change?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a new version of the %1 of %2 without %3&apos;s change? It travels in your next bundle like any other edit, and Undo takes it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert %1&apos;s change to the %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search titles and texts</source>
        <translation>Buscar en títulos y textos</translation>
    </message>
    <message>
        <source>Search the plan</source>
        <translation>Buscar en el plan</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Resultados de la búsqueda</translation>
    </message>
    <message>
        <source>%1 places found.</source>
        <translation>%1 resultados.</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>Sin resultados.</translation>
    </message>
</context>
<context>
    <name>StartDialog</name>
    <message>
        <source>Start a plan</source>
        <translation>Comenzar un plan</translation>
    </message>
    <message>
        <source>This store holds no plan yet. Start from the starter plan (the structure of the Strategic Plan for Migratory Species, with its goals, targets and Aichi cross-references), or open a draft bundle (.cmsb) that someone sent you.</source>
        <translation>Este almacén aún no contiene ningún plan. Parta del plan inicial (la estructura del Plan Estratégico para las Especies Migratorias, con sus objetivos, metas y referencias a las Metas de Aichi) o abra un borrador (.cmsb) que alguien le envió.</translation>
    </message>
    <message>
        <source>Start from the &amp;starter plan</source>
        <translation>Partir del plan &amp;inicial</translation>
    </message>
    <message>
        <source>Open a draft &amp;bundle received from someone…</source>
        <translation>Abrir un &amp;borrador recibido de alguien…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
</context>
<context>
    <name>TextField</name>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>Preview: the text as it will read</source>
        <translation>Vista previa: el texto tal como se leerá</translation>
    </message>
</context>
<context>
    <name>TrashPanel</name>
    <message>
        <source>Trash</source>
        <translation>Papelera</translation>
    </message>
    <message>
        <source>The Trash is empty.</source>
        <translation>La papelera está vacía.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <source>Restore %1</source>
        <translation>Restaurar %1</translation>
    </message>
</context>
<context>
    <name>XrefPanel</name>
    <message>
        <source>Reference framework</source>
        <translation>Marco de referencia</translation>
    </message>
    <message>
        <source>&amp;Framework:</source>
        <translation>&amp;Marco:</translation>
    </message>
    <message>
        <source>Framework target</source>
        <translation>Meta del marco</translation>
    </message>
    <message>
        <source>Framework targets</source>
        <translation>Metas del marco</translation>
    </message>
    <message>
        <source>Why this target serves it (optional)</source>
        <translation>Por qué esta meta contribuye (opcional)</translation>
    </message>
    <message>
        <source>Relevance:</source>
        <translation>Pertinencia:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Nota:</translation>
    </message>
    <message>
        <source>Coverage of the whole plan…</source>
        <translation>Cobertura de todo el plan…</translation>
    </message>
    <message>
        <source>Select a target to see what it contributes to.</source>
        <translation>Seleccione una meta para ver a qué contribuye.</translation>
    </message>
    <message>
        <source>Cross-references belong to targets: select a target.</source>
        <translation>Las referencias cruzadas son de las metas: seleccione una meta.</translation>
    </message>
    <message>
        <source>%1 is linked to %2 of these targets.</source>
        <translation>%1 está vinculada a %2 de estas metas.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Select a framework target to read it.</source>
        <translation>Seleccione una meta del marco para leerla.</translation>
    </message>
    <message>
        <source>%1 target %2</source>
        <translation>%1, meta %2</translation>
    </message>
    <message>
        <source>Link %1 to %2 target %3</source>
        <translation>Vincular %1 a %2, meta %3</translation>
    </message>
    <message>
        <source>Unlink %1 from %2 target %3</source>
        <translation>Desvincular %1 de %2, meta %3</translation>
    </message>
    <message>
        <source>Edit link of %1 to %2 target %3</source>
        <translation>Editar el vínculo de %1 con %2, meta %3</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>cmsdesk cannot open the store</source>
        <translation>cmsdesk no puede abrir el almacén</translation>
    </message>
    <message>
        <source>The store is locked</source>
        <translation>El almacén está bloqueado</translation>
    </message>
    <message>
        <source>%1

If cmsdesk crashed, take the lock over: nothing else is using the store.</source>
        <translation>%1

Si cmsdesk se cerró de forma inesperada, tome el bloqueo: nada más está usando el almacén.</translation>
    </message>
    <message>
        <source>Take over</source>
        <translation>Tomar el control</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Open a draft bundle</source>
        <translation>Abrir un borrador</translation>
    </message>
    <message>
        <source>cmsdesk bundles (*.cmsb);;All files (*)</source>
        <translation>Borradores de cmsdesk (*.cmsb);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>cmsdesk</source>
        <translation>cmsdesk</translation>
    </message>
    <message>
        <source>This version of cmsdesk cannot import bundles.</source>
        <translation>Esta versión de cmsdesk no puede importar borradores.</translation>
    </message>
    <message>
        <source>Importing the bundle</source>
        <translation>Importando el borrador</translation>
    </message>
    <message>
        <source>The bundle was not imported</source>
        <translation>El borrador no se importó</translation>
    </message>
    <message>
        <source>Choose a plan</source>
        <translation>Elegir un plan</translation>
    </message>
    <message>
        <source>This store holds several plans:</source>
        <translation>Este almacén contiene varios planes:</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <source>%1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A full draft: the whole plan as it stands here (%1 changes). Anyone can import it, even someone who holds nothing yet: use it to send a new draft to everyone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A full draft: nothing is known yet of what %1 holds, so the file carries the whole plan (%2 changes). %1 can import it in any case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is known to hold everything already: the file would carry no change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only what %1 lacks: %2 change(s) made or received here since the last bundle exchanged with %1. %1 must hold the earlier drafts; if in doubt, choose Everyone to send the whole plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown files (*.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>history</name>
    <message>
        <source>edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>settlement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>created</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Part</source>
        <translation>Parte</translation>
    </message>
    <message>
        <source>Chapter</source>
        <translation>Capítulo</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Meta</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Indicador</translation>
    </message>
    <message>
        <source>Annex</source>
        <translation>Anexo</translation>
    </message>
    <message>
        <source>Correspondence annex</source>
        <translation>Anexo de correspondencia</translation>
    </message>
    <message>
        <source>title</source>
        <translation>título</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <source>explanatory note</source>
        <translation>nota explicativa</translation>
    </message>
    <message>
        <source>indicators</source>
        <translation>indicadores</translation>
    </message>
    <message>
        <source>milestones</source>
        <translation>hitos</translation>
    </message>
    <message>
        <source>actors</source>
        <translation>actores</translation>
    </message>
    <message>
        <source>status</source>
        <translation>estado</translation>
    </message>
    <message>
        <source>place in the outline</source>
        <translation>lugar en el esquema</translation>
    </message>
    <message>
        <source>deletion</source>
        <translation>eliminación</translation>
    </message>
    <message>
        <source>relevance</source>
        <translation>pertinencia</translation>
    </message>
    <message>
        <source>period</source>
        <translation>período</translation>
    </message>
    <message>
        <source>document symbol</source>
        <translation>signatura del documento</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>borrador</translation>
    </message>
    <message>
        <source>proposed</source>
        <translation>propuesto</translation>
    </message>
    <message>
        <source>agreed</source>
        <translation>acordado</translation>
    </message>
    <message>
        <source>primary</source>
        <translation>principal</translation>
    </message>
    <message>
        <source>supporting</source>
        <translation>complementaria</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>kind and number, as in Target 7</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 “%2”</source>
        <comment>kind and title, as in Chapter “Vision”</comment>
        <translation>%1 «%2»</translation>
    </message>
</context>
<context>
    <name>progress</name>
    <message>
        <source>%1 of %2: %3</source>
        <translation>%1 de %2: %3</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>resolve</name>
    <message>
        <source>&lt;b&gt;Option %1&lt;/b&gt; — proposed by &lt;b&gt;%2&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move it, with what it holds, to the Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it in the plan</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>review</name>
    <message>
        <source>Cross-references</source>
        <translation type="unfinished">Referencias cruzadas</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation type="unfinished">Comentarios</translation>
    </message>
    <message>
        <source>Place in the outline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trash</source>
        <translation type="unfinished">Papelera</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation type="unfinished">Estado: %1</translation>
    </message>
    <message>
        <source>Proposed wording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settled a conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved it to the Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored it from the Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlinked %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed link %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked a comment resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
