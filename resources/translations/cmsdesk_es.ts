<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AlternativeCard</name>
    <message>
        <source>Choose</source>
        <translation>Elegir</translation>
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
        <source>Settle the field with option %1</source>
        <translation>Resolver el campo con la opción %1</translation>
    </message>
    <message>
        <source>Withdraw the position of %1</source>
        <translation>Retirar la posición de %1</translation>
    </message>
    <message>
        <source>Endorse for %1</source>
        <translation>Respaldar en nombre de %1</translation>
    </message>
    <message>
        <source>Withdraw the endorsement: the option is again its proposers&apos;</source>
        <translation>Retirar el respaldo: la opción vuelve a ser de quienes la propusieron</translation>
    </message>
    <message>
        <source>Make option %1 the position of %2: the text then reads [Option %1 (%2): ...] on every site</source>
        <translation>Hacer de la opción %1 la posición de %2: el texto dirá entonces [Option %1 (%2): ...] en todos los puestos</translation>
    </message>
</context>
<context>
    <name>AttachDialog</name>
    <message>
        <source>Paragraphs outside the plan&apos;s texts</source>
        <translation>Párrafos fuera de los textos del plan</translation>
    </message>
    <message>
        <source>Attach to (T7, G2…)</source>
        <translation>Adjuntar a (T7, G2…)</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>&amp;Attach as comments</source>
        <translation>&amp;Adjuntar como comentarios</translation>
    </message>
</context>
<context>
    <name>CarryDialog</name>
    <message>
        <source>Carry into the original</source>
        <translation>Trasladar al original</translation>
    </message>
    <message>
        <source>%1, %2, proposed by %3. Give its wording in the original: the original will name the proposal it carries.</source>
        <translation>%1, %2, propuesto por %3. Indique su redacción en el original: el original nombrará la propuesta que recoge.</translation>
    </message>
    <message>
        <source>The proposal</source>
        <translation>La propuesta</translation>
    </message>
    <message>
        <source>Its wording in the original</source>
        <translation>Su redacción en el original</translation>
    </message>
    <message>
        <source>&amp;Wording in the original:</source>
        <translation>&amp;Redacción en el original:</translation>
    </message>
    <message>
        <source>&amp;Carry over</source>
        <translation>&amp;Trasladar</translation>
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
        <source>New comment</source>
        <translation>Nuevo comentario</translation>
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
        <source>Option %1 — position of %2, proposed by %3</source>
        <translation>Opción %1 — posición de %2, propuesta por %3</translation>
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
        <source>Reading the cross-references of the plan…</source>
        <translation>Leyendo las referencias cruzadas del plan…</translation>
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
        <translation>Exportar a Word</translation>
    </message>
    <message>
        <source>Export Markdown</source>
        <translation>Exportar en Markdown</translation>
    </message>
    <message>
        <source>Export the compilation of comments</source>
        <translation>Exportar la compilación de comentarios</translation>
    </message>
    <message>
        <source>Date on the document</source>
        <translation>Fecha del documento</translation>
    </message>
    <message>
        <source>Include the Companion Volume</source>
        <translation>Incluir el Volumen complementario</translation>
    </message>
    <message>
        <source>Consultation copy (Parties edit it in Word and send it back)</source>
        <translation>Copia para consulta (las Partes la modifican en Word y la devuelven)</translation>
    </message>
    <message>
        <source>The copy looks like the draft and carries, invisibly, where each text comes from, so that File &gt; Import a Word reply turns a Party&apos;s edits into its proposals.</source>
        <translation>La copia tiene el aspecto del proyecto y lleva, de forma invisible, el origen de cada texto, de modo que Archivo &gt; Importar una respuesta de Word convierte las modificaciones de una Parte en propuestas de esa Parte.</translation>
    </message>
    <message>
        <source>the first version of the plan</source>
        <translation>la primera versión del plan</translation>
    </message>
    <message>
        <source>&amp;Proposals received since:</source>
        <translation>&amp;Propuestas recibidas desde:</translation>
    </message>
    <message>
        <source>&amp;Addendum number:</source>
        <translation>Número de la &amp;adición:</translation>
    </message>
    <message>
        <source>by target</source>
        <translation>por meta</translation>
    </message>
    <message>
        <source>by Party</source>
        <translation>por Parte</translation>
    </message>
    <message>
        <source>&amp;Order:</source>
        <translation>&amp;Orden:</translation>
    </message>
    <message>
        <source>Annex:</source>
        <translation>Anexo:</translation>
    </message>
    <message>
        <source>&amp;Date on the document:</source>
        <translation>&amp;Fecha del documento:</translation>
    </message>
    <message>
        <source>&amp;Language of the document:</source>
        <translation>&amp;Idioma del documento:</translation>
    </message>
    <message>
        <source>the plan as it stands</source>
        <translation>el plan tal como está</translation>
    </message>
    <message>
        <source>&amp;Draft to print:</source>
        <translation>&amp;Proyecto a imprimir:</translation>
    </message>
    <message>
        <source>Negotiation text</source>
        <translation>Texto de negociación</translation>
    </message>
    <message>
        <source>Working copy</source>
        <translation>Copia de trabajo</translation>
    </message>
    <message>
        <source>P&amp;resentation:</source>
        <translation>P&amp;resentación:</translation>
    </message>
    <message>
        <source>Table of contents</source>
        <translation>Índice</translation>
    </message>
    <message>
        <source>Each chapter on a new page</source>
        <translation>Cada capítulo en una página nueva</translation>
    </message>
    <message>
        <source>Targets&apos; short titles</source>
        <translation>Títulos breves de las metas</translation>
    </message>
    <message>
        <source>Numbered paragraphs</source>
        <translation>Párrafos numerados</translation>
    </message>
    <message>
        <source>Correspondence annex</source>
        <translation>Anexo de correspondencia</translation>
    </message>
    <message>
        <source>Target fields:</source>
        <translation>Campos de las metas:</translation>
    </message>
    <message>
        <source>none: cmsdesk&apos;s own styles</source>
        <translation>ninguna: los estilos de cmsdesk</translation>
    </message>
    <message>
        <source>Word template</source>
        <translation>Plantilla de Word</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <source>Word &amp;template:</source>
        <translation>&amp;Plantilla de Word:</translation>
    </message>
    <message>
        <source>Choose a Word template</source>
        <translation>Elegir una plantilla de Word</translation>
    </message>
    <message>
        <source>Word templates (*.dotx *.docx)</source>
        <translation>Plantillas de Word (*.dotx *.docx)</translation>
    </message>
</context>
<context>
    <name>DraftsView</name>
    <message>
        <source>Named drafts</source>
        <translation>Borradores con nombre</translation>
    </message>
    <message>
        <source>Named draft</source>
        <translation>Borrador con nombre</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Signatura</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Cambios</translation>
    </message>
    <message>
        <source>&amp;Mark the current state as a named draft…</source>
        <translation>&amp;Guardar el estado actual como borrador con nombre…</translation>
    </message>
    <message>
        <source>Document &amp;details of this draft…</source>
        <translation>&amp;Detalles del documento de este proyecto…</translation>
    </message>
    <message>
        <source>Symbol, date, meeting, agenda item, deadline: what the Word document of this draft prints</source>
        <translation>Signatura, fecha, reunión, punto del orden del día, plazo: lo que imprime el documento Word de este proyecto</translation>
    </message>
    <message>
        <source>Export a &amp;full bundle for everyone…</source>
        <translation>Exportar un paquete &amp;completo para todos…</translation>
    </message>
    <message>
        <source>The whole plan as it stands, for distribution to every Party</source>
        <translation>El plan completo en su estado actual, para distribuir a todas las Partes</translation>
    </message>
    <message>
        <source>Only the node shown in the editor</source>
        <translation>Solo el elemento mostrado en el editor</translation>
    </message>
    <message>
        <source>Comparison with the draft</source>
        <translation>Comparación con el borrador</translation>
    </message>
    <message>
        <source>new since the draft</source>
        <translation>nuevo desde el borrador</translation>
    </message>
    <message>
        <source>in the draft, gone now</source>
        <translation>en el borrador, ya no está</translation>
    </message>
    <message>
        <source>Marked the named draft %1</source>
        <translation>Borrador con nombre %1 guardado</translation>
    </message>
    <message>
        <source>No named draft yet: mark the current state to compare with it later.</source>
        <translation>Todavía no hay ningún borrador con nombre: guarde el estado actual para compararlo más adelante.</translation>
    </message>
    <message>
        <source>Compared with %1 (%2): %3 node(s) differ.</source>
        <translation>En comparación con %1 (%2): %3 elemento(s) difieren.</translation>
    </message>
    <message>
        <source>The text is as it was in %1 (%2).</source>
        <translation>El texto está como estaba en %1 (%2).</translation>
    </message>
    <message>
        <source> (new since the draft)</source>
        <translation> (nuevo desde el borrador)</translation>
    </message>
    <message>
        <source> (no longer in the plan)</source>
        <translation> (ya no figura en el plan)</translation>
    </message>
</context>
<context>
    <name>ExportBundleDialog</name>
    <message>
        <source>Export a bundle</source>
        <translation>Exportar un paquete</translation>
    </message>
    <message>
        <source>Everyone (a full draft, for distribution)</source>
        <translation>Todos (un borrador completo, para distribuir)</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Guardar…</translation>
    </message>
    <message>
        <source>&amp;For:</source>
        <translation>&amp;Para:</translation>
    </message>
    <message>
        <source>Working out what the file will hold…</source>
        <translation>Calculando lo que contendrá el archivo…</translation>
    </message>
    <message>
        <source>Size: %1</source>
        <translation>Tamaño: %1</translation>
    </message>
    <message>
        <source>Save the bundle</source>
        <translation>Guardar el paquete</translation>
    </message>
    <message>
        <source>cmsdesk bundles (*.cmsb)</source>
        <translation>Paquetes de cmsdesk (*.cmsb)</translation>
    </message>
    <message>
        <source>Writing the bundle</source>
        <translation>Escribiendo el paquete</translation>
    </message>
    <message>
        <source>Wrote %1 (%2)</source>
        <translation>Se escribió %1 (%2)</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>cmsdesk user guide</source>
        <translation>Guía del usuario de cmsdesk</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Guía del usuario</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Select one version to see what it changed, or two to compare them.</source>
        <translation>Seleccione una versión para ver qué cambió, o dos para compararlas.</translation>
    </message>
    <message>
        <source>Versions of the field</source>
        <translation>Versiones del campo</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>Parte</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Región</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>What the version changed</source>
        <translation>Lo que cambió la versión</translation>
    </message>
    <message>
        <source>&amp;Restore this version</source>
        <translation>&amp;Restablecer esta versión</translation>
    </message>
    <message>
        <source>Make this version&apos;s text the current one, as a new version that travels in your next bundle</source>
        <translation>Hacer del texto de esta versión el texto actual, como una nueva versión que irá en su próximo paquete</translation>
    </message>
    <message>
        <source>inserted</source>
        <translation>insertado</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>eliminado</translation>
    </message>
    <message>
        <source>&amp;Field:</source>
        <translation>&amp;Campo:</translation>
    </message>
    <message>
        <source>Select a node to see the history of its fields.</source>
        <translation>Seleccione un elemento para ver el historial de sus campos.</translation>
    </message>
    <message>
        <source>%1, in %2</source>
        <translation>%1, en %2</translation>
    </message>
    <message>
        <source>%1, proposed by %2, in English</source>
        <translation>%1 (propuesta de %2, en inglés)</translation>
    </message>
    <message>
        <source>%1, proposed by %2, in French</source>
        <translation>%1 (propuesta de %2, en francés)</translation>
    </message>
    <message>
        <source>%1, proposed by %2, in Spanish</source>
        <translation>%1 (propuesta de %2, en español)</translation>
    </message>
    <message>
        <source>From the version of %1 (%2) to that of %3 (%4):</source>
        <translation>De la versión de %1 (%2) a la de %3 (%4):</translation>
    </message>
    <message>
        <source>What %1 changed (%2):</source>
        <translation>Lo que cambió %1 (%2):</translation>
    </message>
    <message>
        <source>Restore the %1 of %2 from %3</source>
        <translation>Restablecer el campo «%1» de %2 desde %3</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <source>&amp;Import bundles…</source>
        <translation>&amp;Importar paquetes…</translation>
    </message>
    <message>
        <source>Import draft bundles (.cmsb) received from others</source>
        <translation>Importar los paquetes (.cmsb) recibidos de otras personas</translation>
    </message>
    <message>
        <source>Import bundles</source>
        <translation>Importar paquetes</translation>
    </message>
    <message>
        <source>cmsdesk bundles (*.cmsb);;All files (*)</source>
        <translation>Paquetes de cmsdesk (*.cmsb);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Importing bundles</source>
        <translation>Importando paquetes</translation>
    </message>
    <message>
        <source>Another plan</source>
        <translation>Otro plan</translation>
    </message>
    <message>
        <source>%1 holds another plan, “%2”, not the one open in this window. Import it and open that plan? (This plan stays on this computer; File &gt; Open plan… comes back to it.)</source>
        <translation>%1 contiene otro plan, «%2», no el que está abierto en esta ventana. ¿Importarlo y abrir ese plan? (El plan actual sigue en este equipo; Archivo &gt; Abrir un plan… vuelve a él.)</translation>
    </message>
    <message>
        <source>Import not undone</source>
        <translation>Importación no deshecha</translation>
    </message>
    <message>
        <source>Import undone</source>
        <translation>Importación deshecha</translation>
    </message>
    <message>
        <source>The plan is back as it was before the import. The state it replaced was kept as %1.</source>
        <translation>El plan ha vuelto al estado anterior a la importación. El estado que sustituía se ha guardado como %1.</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <source>Bundles imported</source>
        <translation>Paquetes importados</translation>
    </message>
    <message>
        <source>Files imported</source>
        <translation>Archivos importados</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Remitente</translation>
    </message>
    <message>
        <source>New changes</source>
        <translation>Cambios nuevos</translation>
    </message>
    <message>
        <source>Already held</source>
        <translation>Ya presentes</translation>
    </message>
    <message>
        <source>Merged cleanly</source>
        <translation>Combinados sin conflicto</translation>
    </message>
    <message>
        <source>Conflicts created</source>
        <translation>Conflictos creados</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; was refused: %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; fue rechazado: %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Check %1 before building on it:&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;Revise %1 antes de seguir trabajando sobre él:&lt;/b&gt; %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1, %2:&lt;/b&gt; the option you printed as Option %3 is now Option %4: another installation numbered the same options at the same time, and every site keeps one numbering. Cite the new number.</source>
        <translation>&lt;b&gt;%1, %2:&lt;/b&gt; la opción que usted imprimió como Opción %3 es ahora la Opción %4: otra instalación numeró las mismas opciones al mismo tiempo, y cada puesto conserva una sola numeración. Cite el nuevo número.</translation>
    </message>
    <message>
        <source>&amp;Review the changes</source>
        <translation>&amp;Revisar los cambios</translation>
    </message>
    <message>
        <source>Resolve &amp;conflicts</source>
        <translation>Resolver &amp;conflictos</translation>
    </message>
    <message>
        <source>&amp;Undo this import</source>
        <translation>&amp;Deshacer esta importación</translation>
    </message>
    <message>
        <source>Put the plan back as it was before these files (from the copy made before the import)</source>
        <translation>Devolver el plan al estado anterior a estos archivos (a partir de la copia hecha antes de la importación)</translation>
    </message>
    <message>
        <source>%1 of %2 file(s) imported.</source>
        <translation>%1 de %2 archivo(s) importado(s).</translation>
    </message>
    <message>
        <source>%1 refused: nothing of those files was imported.</source>
        <translation>%1 rechazado(s): no se importó nada de esos archivos.</translation>
    </message>
    <message>
        <source>%1 not imported: the import was cancelled before them.</source>
        <translation>%1 sin importar: la importación se canceló antes de llegar a ellos.</translation>
    </message>
    <message>
        <source>%1 conflict(s) created: the proposals stand side by side until someone settles them.</source>
        <translation>%1 conflicto(s) creado(s): las propuestas quedan una junto a otra hasta que alguien las resuelva.</translation>
    </message>
    <message>
        <source>Not imported: the import was cancelled before this file</source>
        <translation>Sin importar: la importación se canceló antes de este archivo</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Rechazado: %1</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>alguien</translation>
    </message>
    <message>
        <source>verified (%1)</source>
        <translation>verificado (%1)</translation>
    </message>
    <message>
        <source>NOT verified (%1)</source>
        <translation>NO verificado (%1)</translation>
    </message>
    <message>
        <source>The signature is valid, but this key has not been seen from this sender before. Check its fingerprint with the sender before trusting it.</source>
        <translation>La firma es válida, pero esta clave no se había visto antes para este remitente. Compruebe su huella con el remitente antes de confiar en ella.</translation>
    </message>
    <message>
        <source>Nothing new: everything in this file was here already</source>
        <translation>Nada nuevo: todo lo que contiene este archivo ya estaba aquí</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>an author and the Party claimed</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Quarantine: %1 change(s) by %2 held out of the plan: %3</source>
        <translation>Cuarentena: %1 cambio(s) de %2 retenido(s) fuera del plan: %3</translation>
    </message>
    <message>
        <source>%1: verified (%2)</source>
        <translation>%1: verificado (%2)</translation>
    </message>
    <message>
        <source>%1: NOT verified (%2)</source>
        <translation>%1: NO verificado (%2)</translation>
    </message>
</context>
<context>
    <name>KeysDialog</name>
    <message>
        <source>Keys and Parties</source>
        <translation>Claves y Partes</translation>
    </message>
    <message>
        <source>Each installation signs its changes with its own key. A key pinned for a Party speaks for it: changes claiming that Party under another key are held in quarantine until you accept or reject them. Compare a fingerprint with its owner (by phone) before pinning it.</source>
        <translation>Cada instalación firma sus cambios con su propia clave. Una clave fijada para una Parte habla en su nombre: los cambios que dicen venir de esa Parte con otra clave quedan en cuarentena hasta que usted los acepte o los rechace. Compare la huella con su titular (por teléfono) antes de fijar una clave.</translation>
    </message>
    <message>
        <source>Speaks for</source>
        <translation>Habla en nombre de</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Región</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Función</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Huella</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clave</translation>
    </message>
    <message>
        <source>Held in quarantine</source>
        <translation>En cuarentena</translation>
    </message>
    <message>
        <source>&amp;Pin for its Party</source>
        <translation>&amp;Fijar para su Parte</translation>
    </message>
    <message>
        <source>&amp;Accept held changes</source>
        <translation>&amp;Aceptar los cambios retenidos</translation>
    </message>
    <message>
        <source>&amp;Reject held changes</source>
        <translation>&amp;Rechazar los cambios retenidos</translation>
    </message>
    <message>
        <source>this installation</source>
        <translation>esta instalación</translation>
    </message>
    <message>
        <source>pinned for %1</source>
        <translation>fijada para %1</translation>
    </message>
    <message>
        <source>not pinned: not verified</source>
        <translation>no fijada: no verificada</translation>
    </message>
    <message>
        <source>%1 held</source>
        <translation>%1 retenido(s)</translation>
    </message>
    <message>
        <source>%1 rejected</source>
        <translation>%1 rechazado(s)</translation>
    </message>
    <message>
        <source>Held because %1.</source>
        <translation>Retenido(s) porque %1.</translation>
    </message>
    <message>
        <source>Pin this key</source>
        <translation>Fijar esta clave</translation>
    </message>
    <message>
        <source>Pin the key %1 as the key of %2 (%3)? Do it only after its owner read you the same fingerprint.</source>
        <translation>¿Fijar la clave %1 como clave de %2 (%3)? Hágalo solo después de que su titular le haya leído la misma huella.</translation>
    </message>
</context>
<context>
    <name>LanguageBar</name>
    <message>
        <source>Language version</source>
        <translation>Versión lingüística</translation>
    </message>
    <message>
        <source>%1 (original)</source>
        <translation>%1 (original)</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>Show the &amp;original beside</source>
        <translation>Mostrar el &amp;original al lado</translation>
    </message>
    <message>
        <source>Mark as up to &amp;date</source>
        <translation>Marcar como &amp;actualizada</translation>
    </message>
    <message>
        <source>Declare this field&apos;s translation a translation of the original as it stands now</source>
        <translation>Declarar la traducción de este campo conforme al original tal como está ahora</translation>
    </message>
    <message>
        <source>&amp;Carry into the original…</source>
        <translation>&amp;Trasladar al original…</translation>
    </message>
    <message>
        <source>Take this field&apos;s proposal, made in this language, into the original; the original names who proposed it</source>
        <translation>Recoger en el original la propuesta hecha en este idioma para este campo; el original nombra a quien la propuso</translation>
    </message>
    <message>
        <source>Translation &amp;status…</source>
        <translation>&amp;Estado de las traducciones…</translation>
    </message>
    <message>
        <source>Which texts are missing or need an update in each language</source>
        <translation>Qué textos faltan o deben actualizarse en cada idioma</translation>
    </message>
    <message>
        <source>The original, with its changes since the translation</source>
        <translation>El original, con sus cambios desde la traducción</translation>
    </message>
    <message>
        <source>Not translated yet, the original is shown: %1.</source>
        <translation>Todavía sin traducir, se muestra el original: %1.</translation>
    </message>
    <message>
        <source>The original changed since the translation: %1.</source>
        <translation>El original cambió desde la traducción: %1.</translation>
    </message>
    <message>
        <source>A proposal in this language, not yet in the original: %1.</source>
        <translation>Una propuesta en este idioma, todavía no en el original: %1.</translation>
    </message>
    <message>
        <source>Version being edited: %1.</source>
        <translation>Versión en edición: %1.</translation>
    </message>
    <message>
        <source>You are editing the original.</source>
        <translation>Está editando el original.</translation>
    </message>
    <message>
        <source>added since the translation</source>
        <translation>añadido desde la traducción</translation>
    </message>
    <message>
        <source>removed since the translation</source>
        <translation>suprimido desde la traducción</translation>
    </message>
    <message>
        <source>Original %1</source>
        <translation>%1 del original</translation>
    </message>
</context>
<context>
    <name>LetterDialog</name>
    <message>
        <source>Record a letter or e-mail</source>
        <translation>Registrar una carta o un correo electrónico</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>&amp;Canal:</translation>
    </message>
    <message>
        <source>Paste the e-mail or letter here, or open its file</source>
        <translation>Pegue aquí el correo o la carta, o abra su archivo</translation>
    </message>
    <message>
        <source>Open &amp;file…</source>
        <translation>Abrir &amp;archivo…</translation>
    </message>
    <message>
        <source>&amp;Split into pieces</source>
        <translation>&amp;Dividir en partes</translation>
    </message>
    <message>
        <source>Node (T7, G2, T3 note; empty: not recorded)</source>
        <translation>Elemento (T7, G2, T3 note; vacío: no se registra)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>&amp;Registrar</translation>
    </message>
    <message>
        <source>Open a letter</source>
        <translation>Abrir una carta</translation>
    </message>
    <message>
        <source>Letters (*.docx *.txt *.md *.eml);;All files (*)</source>
        <translation>Cartas (*.docx *.txt *.md *.eml);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>comentario</translation>
    </message>
    <message>
        <source>proposal</source>
        <translation>propuesta</translation>
    </message>
    <message>
        <source>Letter recorded</source>
        <translation>Carta registrada</translation>
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
        <source>&amp;Theme</source>
        <translation>&amp;Tema</translation>
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
        <translation>Guardar un borrador con nombre</translation>
    </message>
    <message>
        <source>Details of a named draft</source>
        <translation>Detalles de un proyecto con nombre</translation>
    </message>
    <message>
        <source>Name the plan as it stands now, for example before sending it out for consultation. Later you can see everything received since, and compare the text with it.</source>
        <translation>Dé un nombre al plan en su estado actual, por ejemplo antes de enviarlo a consulta. Después podrá ver todo lo recibido desde entonces y comparar el texto con él.</translation>
    </message>
    <message>
        <source>What the document printed from this draft says about itself. The text of the draft stays as it was marked.</source>
        <translation>Lo que el documento impreso a partir de este proyecto dice de sí mismo. El texto del proyecto queda como se marcó.</translation>
    </message>
    <message>
        <source>e.g. Consultation draft 2</source>
        <translation>p. ej. Borrador de consulta 2</translation>
    </message>
    <message>
        <source>e.g. UNEP/CMS/COP11/Doc.15.2</source>
        <translation>p. ej. UNEP/CMS/COP11/Doc.15.2</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>Document &amp;symbol:</source>
        <translation>&amp;Signatura del documento:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Fecha:</translation>
    </message>
    <message>
        <source>Document details</source>
        <translation>Detalles del documento</translation>
    </message>
    <message>
        <source>Printed on the first page</source>
        <translation>Impresos en la primera página</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Limited</source>
        <translation>Limitada</translation>
    </message>
    <message>
        <source>Restricted</source>
        <translation>Reservada</translation>
    </message>
    <message>
        <source>Distri&amp;bution:</source>
        <translation>Distri&amp;bución:</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Francés</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <source>&amp;Original language:</source>
        <translation>Idioma &amp;original:</translation>
    </message>
    <message>
        <source>Printed &amp;title:</source>
        <translation>&amp;Título impreso:</translation>
    </message>
    <message>
        <source>default: the plan&apos;s title</source>
        <translation>por defecto: el título del plan</translation>
    </message>
    <message>
        <source>&amp;Meeting:</source>
        <translation>&amp;Reunión:</translation>
    </message>
    <message>
        <source>e.g. Meeting of the Conference of the Parties</source>
        <translation>p. ej. reunión de la Conferencia de las Partes</translation>
    </message>
    <message>
        <source>Meeting n&amp;umber:</source>
        <translation>N&amp;úmero de la reunión:</translation>
    </message>
    <message>
        <source>e.g. 11</source>
        <translation>p. ej. 11</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>&amp;Lugar:</translation>
    </message>
    <message>
        <source>e.g. Quito, Ecuador</source>
        <translation>p. ej. Quito (Ecuador)</translation>
    </message>
    <message>
        <source>Meeting dat&amp;es:</source>
        <translation>F&amp;echas de la reunión:</translation>
    </message>
    <message>
        <source>e.g. 4-9 November 2014</source>
        <translation>p. ej. 4-9 de noviembre de 2014</translation>
    </message>
    <message>
        <source>&amp;Agenda item:</source>
        <translation>Punto del orden del &amp;día:</translation>
    </message>
    <message>
        <source>e.g. 15.2</source>
        <translation>p. ej. 15.2</translation>
    </message>
    <message>
        <source>Prepared b&amp;y:</source>
        <translation>Preparado &amp;por:</translation>
    </message>
    <message>
        <source>e.g. the Secretariat</source>
        <translation>p. ej. la Secretaría</translation>
    </message>
    <message>
        <source>Send &amp;comments to:</source>
        <translation>Enviar las &amp;observaciones a:</translation>
    </message>
    <message>
        <source>e.g. cms@cms.int</source>
        <translation>p. ej. cms@cms.int</translation>
    </message>
    <message>
        <source>Comments dead&amp;line:</source>
        <translation>P&amp;lazo para observaciones:</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <source>Available in:</source>
        <translation>Disponible en:</translation>
    </message>
    <message>
        <source>Meeting:</source>
        <translation>Reunión:</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>Lugar:</translation>
    </message>
    <message>
        <source>Meeting dates:</source>
        <translation>Fechas de la reunión:</translation>
    </message>
    <message>
        <source>Printed title:</source>
        <translation>Título impreso:</translation>
    </message>
    <message>
        <source>Prepared by:</source>
        <translation>Preparado por:</translation>
    </message>
    <message>
        <source>Send comments to:</source>
        <translation>Enviar las observaciones a:</translation>
    </message>
    <message>
        <source>In French</source>
        <translation>En francés</translation>
    </message>
    <message>
        <source>In Spanish</source>
        <translation>En español</translation>
    </message>
    <message>
        <source>In English</source>
        <translation>En inglés</translation>
    </message>
    <message>
        <source>A document in this language prints these; left empty, what is typed in the details.</source>
        <translation>Un documento en este idioma imprime estos textos; si se dejan vacíos, los escritos en los detalles.</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>&amp;Save now</source>
        <translation>&amp;Guardar ahora</translation>
    </message>
    <message>
        <source>Record what you typed at once (cmsdesk also saves by itself when you pause)</source>
        <translation>Guardar enseguida lo que ha escrito (cmsdesk también guarda por sí solo cuando hace una pausa)</translation>
    </message>
    <message>
        <source>&amp;Next target</source>
        <translation>Meta &amp;siguiente</translation>
    </message>
    <message>
        <source>&amp;Previous target</source>
        <translation>Meta &amp;anterior</translation>
    </message>
    <message>
        <source>Next &amp;contested place</source>
        <translation>Siguiente punto en &amp;disputa</translation>
    </message>
    <message>
        <source>Previous c&amp;ontested place</source>
        <translation>Anterior punto en d&amp;isputa</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Ir</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Guía del usuario</translation>
    </message>
    <message>
        <source>Pre&amp;ferences…</source>
        <translation>Pre&amp;ferencias…</translation>
    </message>
    <message>
        <source>Saved. Everything you wrote is stored on this computer.</source>
        <translation>Guardado. Todo lo que ha escrito está almacenado en este equipo.</translation>
    </message>
    <message>
        <source>Typing not saved yet</source>
        <translation>Escritura aún no guardada</translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation>Todos los cambios guardados</translation>
    </message>
    <message>
        <source>cmsdesk saves what you type when you pause or leave the field; Ctrl+S saves at once</source>
        <translation>cmsdesk guarda lo que escribe cuando hace una pausa o sale del campo; Ctrl+S guarda enseguida</translation>
    </message>
</context>
<context>
    <name>NewPlanDialog</name>
    <message>
        <source>New plan</source>
        <translation>Nuevo plan</translation>
    </message>
    <message>
        <source>A new plan is a different plan: bundles of the plan you work on now will not merge into it. Only the CMS Secretariat creates the plan that Parties draft together.</source>
        <translation>Un plan nuevo es un plan distinto: los paquetes del plan en el que trabaja ahora no se combinarán con él. Solo la Secretaría de la CMS crea el plan que las Partes redactan juntas.</translation>
    </message>
    <message>
        <source>From the &amp;starter template (goals, targets and Aichi Biodiversity Targets cross-references)</source>
        <translation>A partir de la &amp;plantilla inicial (objetivos, metas y referencias a las Metas de Aichi para la Diversidad Biológica)</translation>
    </message>
    <message>
        <source>With an &amp;empty outline</source>
        <translation>Con un esquema &amp;vacío</translation>
    </message>
    <message>
        <source>Title of the new plan</source>
        <translation>Título del nuevo plan</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Título:</translation>
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
    <name>OpenPlanDialog</name>
    <message>
        <source>Open a plan</source>
        <translation>Abrir un plan</translation>
    </message>
    <message>
        <source>The plans held on this computer. To open a plan someone sent you, open its draft bundle.</source>
        <translation>Los planes que hay en este equipo. Para abrir un plan que le hayan enviado, abra su paquete.</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>Planes</translation>
    </message>
    <message>
        <source>%1 (open now)</source>
        <translation>%1 (abierto)</translation>
    </message>
    <message>
        <source>Plan id %1</source>
        <translation>Identificador del plan: %1</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <source>Open a draft &amp;bundle…</source>
        <translation>Abrir un &amp;paquete…</translation>
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
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Francés</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <source>%1, %2: needs an update, the original changed on %3</source>
        <translation>%1, %2: por actualizar, el original cambió el %3</translation>
    </message>
    <message>
        <source>%1, %2: not translated yet (the original has had text since %3)</source>
        <translation>%1, %2: sin traducir todavía (el original tiene texto desde el %3)</translation>
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
    <name>PlanSwitcher</name>
    <message>
        <source>&amp;Open plan…</source>
        <translation>&amp;Abrir un plan…</translation>
    </message>
    <message>
        <source>Open another plan held on this computer, or the plan of a draft bundle</source>
        <translation>Abrir otro plan de este equipo, o el plan de un paquete</translation>
    </message>
    <message>
        <source>&amp;New plan…</source>
        <translation>&amp;Nuevo plan…</translation>
    </message>
    <message>
        <source>Create a new plan (the Secretariat&apos;s task)</source>
        <translation>Crear un nuevo plan (tarea de la Secretaría)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Planes &amp;recientes</translation>
    </message>
    <message>
        <source>No other plan opened recently</source>
        <translation>Ningún otro plan abierto recientemente</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>El idioma del sistema</translation>
    </message>
    <message>
        <source>Used from the next start.</source>
        <translation>Se aplica en el próximo inicio.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Default export folder</source>
        <translation>Carpeta de exportación predeterminada</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <source>&amp;Change…</source>
        <translation>&amp;Cambiar…</translation>
    </message>
    <message>
        <source>Interface &amp;language:</source>
        <translation>&amp;Idioma de la interfaz:</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Tema:</translation>
    </message>
    <message>
        <source>&amp;Record typing after a pause of:</source>
        <translation>&amp;Guardar lo escrito tras una pausa de:</translation>
    </message>
    <message>
        <source>&amp;Export to the folder:</source>
        <translation>E&amp;xportar a la carpeta:</translation>
    </message>
    <message>
        <source>Editing as:</source>
        <translation>Edita como:</translation>
    </message>
    <message>
        <source>Shared store address</source>
        <translation>Dirección de la base compartida</translation>
    </message>
    <message>
        <source>Leave empty to work in the store on this computer. Used from the next start; the password is asked when needed and never stored.</source>
        <translation>Déjelo vacío para trabajar en la base de este ordenador. Se aplica en el próximo inicio; la contraseña se pide cuando hace falta y nunca se guarda.</translation>
    </message>
    <message>
        <source>Shared &amp;store:</source>
        <translation>&amp;Base compartida:</translation>
    </message>
    <message>
        <source>Leave the password out of the address: cmsdesk asks for it when the server wants it, and never stores it.</source>
        <translation>No incluya la contraseña en la dirección: cmsdesk la pide cuando el servidor la exige y nunca la guarda.</translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation>Carpeta de exportación</translation>
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
        <source>Party or organisation</source>
        <translation>Parte u organización</translation>
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
    <message>
        <source>Not in the list of Parties: recorded as an organisation (observer).</source>
        <translation>No figura en la lista de Partes: se registra como organización (observador).</translation>
    </message>
    <message>
        <source>Party to CMS</source>
        <translation>Parte en la CMS</translation>
    </message>
    <message>
        <source>Observer State (not a Party to CMS)</source>
        <translation>Estado observador (no Parte en la CMS)</translation>
    </message>
    <message>
        <source>Organisation (observer)</source>
        <translation>Organización (observador)</translation>
    </message>
</context>
<context>
    <name>ReplyDialog</name>
    <message>
        <source>Import a Word reply</source>
        <translation>Importar una respuesta de Word</translation>
    </message>
</context>
<context>
    <name>ReplyImport</name>
    <message>
        <source>Import a &amp;Word reply…</source>
        <translation>Importar una respuesta de &amp;Word…</translation>
    </message>
    <message>
        <source>A Party&apos;s edited consultation copy: its edits become the Party&apos;s proposals</source>
        <translation>La copia de consulta editada por una Parte: sus cambios pasan a ser propuestas de la Parte</translation>
    </message>
    <message>
        <source>Record a &amp;letter or e-mail…</source>
        <translation>Registrar una &amp;carta o un correo…</translation>
    </message>
    <message>
        <source>Import a Word reply</source>
        <translation>Importar una respuesta de Word</translation>
    </message>
    <message>
        <source>Word documents (*.docx);;All files (*)</source>
        <translation>Documentos de Word (*.docx);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>{0}

Record it as a letter instead?</source>
        <translation>{0}

¿Registrarlo como carta?</translation>
    </message>
    <message>
        <source>Word reply imported</source>
        <translation>Respuesta de Word importada</translation>
    </message>
</context>
<context>
    <name>ResolveView</name>
    <message>
        <source>Contested fields</source>
        <translation>Campos en disputa</translation>
    </message>
    <message>
        <source>First the text all proposals share; then each option, with what it changes in that text marked.</source>
        <translation>Primero el texto que comparten todas las propuestas; después cada opción, con lo que cambia en ese texto marcado.</translation>
    </message>
    <message>
        <source>Combined text</source>
        <translation>Texto combinado</translation>
    </message>
    <message>
        <source>Write the text everyone can accept</source>
        <translation>Redacte el texto que todos puedan aceptar</translation>
    </message>
    <message>
        <source>&amp;Save the combined text</source>
        <translation>&amp;Guardar el texto combinado</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>&lt;b&gt;Combined text&lt;/b&gt; — start from the options and edit them into one text:</source>
        <translation>&lt;b&gt;Texto combinado&lt;/b&gt; — parta de las opciones y refúndalas en un solo texto:</translation>
    </message>
    <message>
        <source>&amp;Keep as bracketed options</source>
        <translation>&amp;Mantener como opciones entre corchetes</translation>
    </message>
    <message>
        <source>Settle the field with the [Option 1 (...): ...] [Option 2 (...): ...] form: the negotiation goes on in the text itself</source>
        <translation>Resolver el campo con la forma [Opción 1 (...): ...] [Opción 2 (...): ...]: la negociación continúa en el propio texto</translation>
    </message>
    <message>
        <source>&amp;Edit a combined text…</source>
        <translation>&amp;Redactar un texto combinado…</translation>
    </message>
    <message>
        <source>&amp;Leave for later</source>
        <translation>&amp;Dejar para más tarde</translation>
    </message>
    <message>
        <source>Go to the next contested field; this one stays contested</source>
        <translation>Ir al siguiente campo en disputa; este sigue en disputa</translation>
    </message>
    <message>
        <source>added to the common text</source>
        <translation>añadido al texto común</translation>
    </message>
    <message>
        <source>taken out of it</source>
        <translation>quitado del texto común</translation>
    </message>
    <message>
        <source>%1 (%2 proposals)</source>
        <translation>%1 (%2 propuestas)</translation>
    </message>
    <message>
        <source>%1 — later</source>
        <translation>%1 — más tarde</translation>
    </message>
    <message>
        <source>1 contested field</source>
        <translation>1 campo en disputa</translation>
    </message>
    <message>
        <source>%1 contested fields</source>
        <translation>%1 campos en disputa</translation>
    </message>
    <message>
        <source>&lt;b&gt;No conflicts.&lt;/b&gt; Every field has one agreed value.</source>
        <translation>&lt;b&gt;No hay conflictos.&lt;/b&gt; Cada campo tiene un único valor acordado.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Common text&lt;/b&gt;</source>
        <translation>&lt;b&gt;Texto común&lt;/b&gt;</translation>
    </message>
    <message>
        <source>The parts every proposal shares, with the wording the proposals started from where they differ</source>
        <translation>Las partes que comparten todas las propuestas, con la redacción de partida donde difieren</translation>
    </message>
    <message>
        <source>Regional position</source>
        <translation>Posición regional</translation>
    </message>
    <message>
        <source>The region whose position it is:</source>
        <translation>La región cuya posición es:</translation>
    </message>
    <message>
        <source>The regional meeting that agreed it:</source>
        <translation>La reunión regional que la acordó:</translation>
    </message>
    <message>
        <source>Settle %1</source>
        <translation>Resolver %1</translation>
    </message>
    <message>
        <source>The combined text is empty: write the text, or choose one of the options.</source>
        <translation>El texto combinado está vacío: redacte el texto o elija una de las opciones.</translation>
    </message>
</context>
<context>
    <name>ReviewPanels</name>
    <message>
        <source>Review</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflictos</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Named drafts</source>
        <translation>Borradores con nombre</translation>
    </message>
    <message>
        <source>&amp;Review changes received</source>
        <translation>&amp;Revisar los cambios recibidos</translation>
    </message>
    <message>
        <source>What each Party proposed since a named draft</source>
        <translation>Lo que propuso cada Parte desde un borrador con nombre</translation>
    </message>
    <message>
        <source>Resolve &amp;conflicts</source>
        <translation>Resolver &amp;conflictos</translation>
    </message>
    <message>
        <source>&amp;History of this field</source>
        <translation>&amp;Historial de este campo</translation>
    </message>
    <message>
        <source>&amp;Named drafts</source>
        <translation>Borradores con &amp;nombre</translation>
    </message>
    <message>
        <source>&amp;Keys and Parties…</source>
        <translation>&amp;Claves y Partes…</translation>
    </message>
    <message>
        <source>Which Party each signing key speaks for, and the quarantine</source>
        <translation>En nombre de qué Parte habla cada clave de firma, y la cuarentena</translation>
    </message>
    <message>
        <source>&amp;Mark a named draft…</source>
        <translation>&amp;Guardar un borrador con nombre…</translation>
    </message>
    <message>
        <source>&amp;Export bundle…</source>
        <translation>&amp;Exportar un paquete…</translation>
    </message>
    <message>
        <source>Write a bundle (.cmsb) for a Party or for everyone</source>
        <translation>Escribir un paquete (.cmsb) para una Parte o para todos</translation>
    </message>
    <message>
        <source>Export to &amp;Word…</source>
        <translation>Exportar a &amp;Word…</translation>
    </message>
    <message>
        <source>Export compilation of &amp;comments…</source>
        <translation>Exportar la compilación de &amp;comentarios…</translation>
    </message>
    <message>
        <source>Export &amp;Markdown…</source>
        <translation>Exportar en &amp;Markdown…</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Revisión</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <source>Changes since</source>
        <translation>Cambios desde</translation>
    </message>
    <message>
        <source>Changes since the day</source>
        <translation>Cambios desde el día</translation>
    </message>
    <message>
        <source>Only not yet reviewed</source>
        <translation>Solo los no revisados</translation>
    </message>
    <message>
        <source>Include my own changes</source>
        <translation>Incluir mis propios cambios</translation>
    </message>
    <message>
        <source>Changes received</source>
        <translation>Cambios recibidos</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>Parte</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Región</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>The change, compared</source>
        <translation>El cambio, comparado</translation>
    </message>
    <message>
        <source>&amp;Mark reviewed</source>
        <translation>&amp;Marcar como revisado</translation>
    </message>
    <message>
        <source>Mark &amp;not reviewed</source>
        <translation>Marcar como &amp;no revisado</translation>
    </message>
    <message>
        <source>Re&amp;vert this change…</source>
        <translation>Re&amp;vertir este cambio…</translation>
    </message>
    <message>
        <source>Record a new version with the text the field had before this change; it travels in your next bundle like any edit</source>
        <translation>Guardar una nueva versión con el texto que tenía el campo antes de este cambio; irá en su próximo paquete como cualquier cambio</translation>
    </message>
    <message>
        <source>Show in the &amp;editor</source>
        <translation>Mostrar en el &amp;editor</translation>
    </message>
    <message>
        <source>Changes since:</source>
        <translation>Cambios desde:</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>Región:</translation>
    </message>
    <message>
        <source>Party:</source>
        <translation>Parte:</translation>
    </message>
    <message>
        <source>Node:</source>
        <translation>Elemento:</translation>
    </message>
    <message>
        <source>inserted</source>
        <translation>insertado</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>eliminado</translation>
    </message>
    <message>
        <source>the first version of the plan</source>
        <translation>la primera versión del plan</translation>
    </message>
    <message>
        <source>a day…</source>
        <translation>un día…</translation>
    </message>
    <message>
        <source>the plan before %1</source>
        <translation>el plan antes del %1</translation>
    </message>
    <message>
        <source>%1 change(s) from %2 Party(ies) since %3; %4 not yet reviewed.</source>
        <translation>%1 cambio(s) de %2 Parte(s) desde %3; %4 sin revisar.</translation>
    </message>
    <message>
        <source>%1 change(s) held in quarantine, out of the plan (Keys and Parties…: accept or reject them). Why: %2.</source>
        <translation>%1 cambio(s) en cuarentena, fuera del plan (Claves y Partes…: aceptarlos o rechazarlos). Motivo: %2.</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>Todas las regiones</translation>
    </message>
    <message>
        <source>All Parties</source>
        <translation>Todas las Partes</translation>
    </message>
    <message>
        <source>The whole plan</source>
        <translation>El plan completo</translation>
    </message>
    <message>
        <source>%1 — %2 change(s)</source>
        <translation>%1 — %2 cambio(s)</translation>
    </message>
    <message>
        <source>The plan: %1</source>
        <translation>El plan: %1</translation>
    </message>
    <message>
        <source>%1 (in the Trash)</source>
        <translation>%1 (en la papelera)</translation>
    </message>
    <message>
        <source>%1
By %2. Tick when reviewed.</source>
        <translation>%1
Por %2. Marque la casilla cuando lo haya revisado.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Select a change, a field or a node to see what was proposed, compared with %1.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Seleccione un cambio, un campo o un elemento para ver lo que se propuso, en comparación con %1.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Revert this change?</source>
        <translation>¿Revertir este cambio?</translation>
    </message>
    <message>
        <source>Record a new version of the %1 of %2 without %3&apos;s change? It travels in your next bundle like any other edit, and Undo takes it back.</source>
        <translation>¿Guardar una nueva versión del campo «%1» de %2 sin el cambio de %3? Irá en su próximo paquete como cualquier otro cambio, y Deshacer lo anula.</translation>
    </message>
    <message>
        <source>Revert %1&apos;s change to the %2 of %3</source>
        <translation>Revertir el cambio de %1 en el campo «%2» de %3</translation>
    </message>
</context>
<context>
    <name>SafeTextBrowser</name>
    <message>
        <source>Link not opened</source>
        <translation>Enlace no abierto</translation>
    </message>
    <message>
        <source>cmsdesk opens only web addresses (http or https). This link was not opened:
{address}</source>
        <translation>cmsdesk solo abre direcciones web (http o https). Este enlace no se abrió:
{address}</translation>
    </message>
    <message>
        <source>Open web address</source>
        <translation>Abrir dirección web</translation>
    </message>
    <message>
        <source>Open this address in your web browser?
{address}</source>
        <translation>¿Abrir esta dirección en su navegador web?
{address}</translation>
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
    <name>SenderFields</name>
    <message>
        <source>e.g. Côte d&apos;Ivoire</source>
        <translation>p. ej. Côte d&apos;Ivoire</translation>
    </message>
    <message>
        <source>&amp;Party:</source>
        <translation>&amp;Parte:</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>&amp;Región:</translation>
    </message>
    <message>
        <source>Received &amp;on:</source>
        <translation>Recibido &amp;el:</translation>
    </message>
</context>
<context>
    <name>ServerWatch</name>
    <message>
        <source>The connection to the shared store was lost: other officers&apos; changes will show after a restart.</source>
        <translation>Se perdió la conexión con la base compartida: los cambios de los demás funcionarios se mostrarán tras reiniciar.</translation>
    </message>
    <message>
        <source>Updated with other officers&apos; changes.</source>
        <translation>Actualizado con los cambios de los demás funcionarios.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Comando</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
</context>
<context>
    <name>StartDialog</name>
    <message>
        <source>Welcome to cmsdesk</source>
        <translation>Bienvenido a cmsdesk</translation>
    </message>
    <message>
        <source>&lt;b&gt;Where does your plan come from?&lt;/b&gt; The CMS Secretariat prepares the draft of the Strategic Plan and sends it to the Parties as a draft bundle (a .cmsb file, usually by e-mail). Delegates and focal points open that file.</source>
        <translation>&lt;b&gt;¿De dónde viene su plan?&lt;/b&gt; La Secretaría de la CMS prepara el borrador del Plan Estratégico y lo envía a las Partes como paquete (un archivo .cmsb, normalmente por correo electrónico). Los delegados y los puntos focales abren ese archivo.</translation>
    </message>
    <message>
        <source>I am a delegate or a national or regional focal point</source>
        <translation>Soy delegado o punto focal nacional o regional</translation>
    </message>
    <message>
        <source>Open the &amp;draft bundle I received…</source>
        <translation>Abrir el &amp;paquete que recibí…</translation>
    </message>
    <message>
        <source>Choose the .cmsb file the Secretariat or your focal point sent you. Your proposals and comments are added to that draft, and you send them back as a bundle.</source>
        <translation>Elija el archivo .cmsb que le envió la Secretaría o su punto focal. Sus propuestas y comentarios se añaden a ese borrador, y usted los devuelve como paquete.</translation>
    </message>
    <message>
        <source>I have &amp;not received a draft yet</source>
        <translation>Todavía &amp;no he recibido ningún borrador</translation>
    </message>
    <message>
        <source>cmsdesk opens empty and says where the draft will come from. When the file arrives, drop it on the window or use File &gt; Open a draft bundle.</source>
        <translation>cmsdesk se abre vacío e indica de dónde vendrá el borrador. Cuando llegue el archivo, suéltelo en la ventana o use Archivo &gt; Abrir un paquete.</translation>
    </message>
    <message>
        <source>I work for the CMS Secretariat</source>
        <translation>Trabajo para la Secretaría de la CMS</translation>
    </message>
    <message>
        <source>Create a new plan from the &amp;starter template</source>
        <translation>Crear un nuevo plan a partir de la &amp;plantilla inicial</translation>
    </message>
    <message>
        <source>A new plan with the structure of the Strategic Plan for Migratory Species (goals, targets and Aichi Biodiversity Targets cross-references). Only the Secretariat does this: bundles sent for any other plan will not merge into it.</source>
        <translation>Un nuevo plan con la estructura del Plan Estratégico para las Especies Migratorias (objetivos, metas y referencias a las Metas de Aichi para la Diversidad Biológica). Solo la Secretaría lo hace: los paquetes enviados para cualquier otro plan no se combinarán con él.</translation>
    </message>
    <message>
        <source>Create a new &amp;empty plan</source>
        <translation>Crear un nuevo plan &amp;vacío</translation>
    </message>
    <message>
        <source>A new plan with a title and an empty outline, to be built from scratch. Also for the Secretariat only.</source>
        <translation>Un nuevo plan con un título y un esquema vacío, para construir desde cero. También solo para la Secretaría.</translation>
    </message>
    <message>
        <source>Create the plan from a &amp;file…</source>
        <translation>Crear el plan a partir de un &amp;archivo…</translation>
    </message>
    <message>
        <source>A plan that exists as a Word draft, a Markdown outline or a JSON file: its chapters, goals, targets and cross-references become the new plan.</source>
        <translation>Un plan que existe como borrador de Word, esquema Markdown o archivo JSON: sus capítulos, objetivos, metas y referencias cruzadas pasan a ser el nuevo plan.</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Continuar</translation>
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
    <name>TranslationStatusDialog</name>
    <message>
        <source>Translation status</source>
        <translation>Estado de las traducciones</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Elemento</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>falta</translation>
    </message>
    <message>
        <source>needs an update</source>
        <translation>por actualizar</translation>
    </message>
    <message>
        <source>proposal, not yet in the original</source>
        <translation>propuesta, aún no incorporada al original</translation>
    </message>
    <message>
        <source>%1 missing, %2 to update, %3 proposals</source>
        <translation>%1 faltan, %2 por actualizar, %3 propuesta(s)</translation>
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
    <name>WaitingWindow</name>
    <message>
        <source>No draft yet — cmsdesk</source>
        <translation>Todavía no hay borrador — cmsdesk</translation>
    </message>
    <message>
        <source>No draft yet</source>
        <translation>Todavía no hay borrador</translation>
    </message>
    <message>
        <source>The CMS Secretariat, or your national or regional focal point, sends the draft of the Strategic Plan as a &lt;b&gt;draft bundle&lt;/b&gt;: a file whose name ends in &lt;b&gt;.cmsb&lt;/b&gt;, usually attached to an e-mail.&lt;br&gt;&lt;br&gt;When it arrives, save the attachment, then drop the file on this window or click the button below. Everything you then write stays on this computer until you send it back as a bundle.</source>
        <translation>La Secretaría de la CMS, o su punto focal nacional o regional, envía el borrador del Plan Estratégico como &lt;b&gt;paquete&lt;/b&gt;: un archivo cuyo nombre termina en &lt;b&gt;.cmsb&lt;/b&gt;, normalmente adjunto a un correo electrónico.&lt;br&gt;&lt;br&gt;Cuando llegue, guarde el adjunto y suelte el archivo en esta ventana o haga clic en el botón de abajo. Todo lo que escriba después queda en este equipo hasta que lo devuelva como paquete.</translation>
    </message>
    <message>
        <source>&amp;Open the draft bundle…</source>
        <translation>&amp;Abrir el paquete…</translation>
    </message>
    <message>
        <source>Working for the CMS Secretariat? Create the plan with File &gt; New plan…</source>
        <translation>¿Trabaja para la Secretaría de la CMS? Cree el plan con Archivo &gt; Nuevo plan…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Open a draft bundle…</source>
        <translation>&amp;Abrir un paquete…</translation>
    </message>
    <message>
        <source>&amp;New plan…</source>
        <translation>&amp;Nuevo plan…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
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
        <source>cmsdesk is already open</source>
        <translation>cmsdesk ya está abierto</translation>
    </message>
    <message>
        <source>Password for the shared store</source>
        <translation>Contraseña de la base compartida</translation>
    </message>
    <message>
        <source>cmsdesk is already open in another window. Switch to that window, or close it and start cmsdesk again.</source>
        <translation>cmsdesk ya está abierto en otra ventana. Cambie a esa ventana, o ciérrela y vuelva a iniciar cmsdesk.</translation>
    </message>
    <message>
        <source>cmsdesk is already open (by %1 on %2, since %3). Switch to that window, or close it and start cmsdesk again.</source>
        <translation>cmsdesk ya está abierto (por %1 en %2, desde %3). Cambie a esa ventana, o ciérrela y vuelva a iniciar cmsdesk.</translation>
    </message>
    <message>
        <source>cmsdesk was not closed properly</source>
        <translation>cmsdesk no se cerró correctamente</translation>
    </message>
    <message>
        <source>cmsdesk was not closed properly last time (the computer may have stopped, or the program crashed). Your work up to the last save is safe. Continue?</source>
        <translation>cmsdesk no se cerró correctamente la última vez (puede que el equipo se apagara o que el programa fallara). Su trabajo hasta el último guardado está a salvo. ¿Continuar?</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Continuar</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
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
        <translation>%1 bytes</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>A full draft: the whole plan as it stands here (%1 changes). Anyone can import it, even someone who holds nothing yet: use it to send a new draft to everyone.</source>
        <translation>Un borrador completo: el plan entero tal como está aquí (%1 cambios). Cualquiera puede importarlo, incluso quien todavía no tiene nada: úselo para enviar un nuevo borrador a todos.</translation>
    </message>
    <message>
        <source>A full draft: nothing is known yet of what %1 holds, so the file carries the whole plan (%2 changes). %1 can import it in any case.</source>
        <translation>Un borrador completo: aún no se sabe qué tiene %1, así que el archivo lleva el plan entero (%2 cambios). %1 puede importarlo en cualquier caso.</translation>
    </message>
    <message>
        <source>%1 is known to hold everything already: the file would carry no change.</source>
        <translation>Se sabe que %1 ya lo tiene todo: el archivo no llevaría ningún cambio.</translation>
    </message>
    <message>
        <source>Only what %1 lacks: %2 change(s) made or received here since the last bundle exchanged with %1. %1 must hold the earlier drafts; if in doubt, choose Everyone to send the whole plan.</source>
        <translation>Solo lo que le falta a %1: %2 cambio(s) hecho(s) o recibido(s) aquí desde el último paquete intercambiado con %1. %1 debe tener los borradores anteriores; en caso de duda, elija Todos para enviar el plan entero.</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Documentos de Word (*.docx)</translation>
    </message>
    <message>
        <source>Markdown files (*.md)</source>
        <translation>Archivos Markdown (*.md)</translation>
    </message>
    <message>
        <source>Export cancelled: nothing was written.</source>
        <translation>Exportación cancelada: no se ha escrito nada.</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>Se escribió %1</translation>
    </message>
    <message>
        <source>Wrote the consultation copy %1: %2 text(s) can be traced back from a Party&apos;s reply</source>
        <translation>Copia para consulta %1 escrita: %2 texto(s) rastreable(s) desde la respuesta de una Parte</translation>
    </message>
    <message>
        <source>(%1 text(s) not yet translated: printed in the original, not traced)</source>
        <translation>(%1 texto(s) aún sin traducir: impreso(s) en el idioma original, no rastreable(s))</translation>
    </message>
    <message>
        <source>(%1 text(s) not yet translated: printed in the original, marked)</source>
        <translation>(%1 texto(s) aún sin traducir: impreso(s) en el original, señalado(s))</translation>
    </message>
</context>
<context>
    <name>faults</name>
    <message>
        <source>There is no space left on the disk that holds the plan, so the last change was not saved. Free some space (empty the wastebasket, move large files elsewhere), then make the change again. Everything saved before is safe.</source>
        <translation>No queda espacio en el disco que contiene el plan, por lo que el último cambio no se guardó. Libere espacio (vacíe la papelera, mueva archivos grandes a otro lugar) y vuelva a hacer el cambio. Todo lo guardado antes está a salvo.</translation>
    </message>
    <message>
        <source>The plan&apos;s store cannot be written: the file, its folder or the disk is read-only. The last change was not saved. Make the file writable, or copy it to a folder you can write to and open it there. Everything saved before is safe.</source>
        <translation>No se puede escribir en el archivo del plan: el archivo, su carpeta o el disco son de solo lectura. El último cambio no se guardó. Haga que el archivo se pueda modificar, o cópielo a una carpeta en la que pueda escribir y ábralo allí. Todo lo guardado antes está a salvo.</translation>
    </message>
    <message>
        <source>The plan&apos;s store is busy: another cmsdesk or another program kept it locked for too long, so the last change was not saved. Close the other program, then make the change again. Everything saved before is safe.</source>
        <translation>El archivo del plan está ocupado: otro cmsdesk u otro programa lo mantuvo bloqueado demasiado tiempo, por lo que el último cambio no se guardó. Cierre el otro programa y vuelva a hacer el cambio. Todo lo guardado antes está a salvo.</translation>
    </message>
    <message>
        <source>The plan&apos;s store is damaged (some of its pages cannot be read), so the last change was not saved. Quit cmsdesk and start it again: it offers to restore the latest good backup. The damaged file is kept.</source>
        <translation>El archivo del plan está dañado (algunas de sus páginas no se pueden leer), por lo que el último cambio no se guardó. Salga de cmsdesk y vuelva a iniciarlo: ofrecerá restaurar la última copia de seguridad en buen estado. El archivo dañado se conserva.</translation>
    </message>
    <message>
        <source>The plan&apos;s store is no longer a database cmsdesk can read (it was overwritten?). The last change was not saved. Quit cmsdesk and start it again: it offers to restore the latest good backup.</source>
        <translation>El archivo del plan ya no es una base de datos que cmsdesk pueda leer (¿se sobrescribió?). El último cambio no se guardó. Salga de cmsdesk y vuelva a iniciarlo: ofrecerá restaurar la última copia de seguridad en buen estado.</translation>
    </message>
    <message>
        <source>The disk that holds the plan reported an error, so the last change was not saved. Check the disk (is it still connected?), then make the change again.</source>
        <translation>El disco que contiene el plan informó de un error, por lo que el último cambio no se guardó. Compruebe el disco (¿sigue conectado?) y vuelva a hacer el cambio.</translation>
    </message>
    <message>
        <source>The details were written to %1: please send that file with a report of what you were doing.</source>
        <translation>Los detalles se escribieron en %1: envíe ese archivo junto con una descripción de lo que estaba haciendo.</translation>
    </message>
    <message>
        <source>The details could not be written to a log file.</source>
        <translation>Los detalles no se pudieron escribir en un archivo de registro.</translation>
    </message>
    <message>
        <source>cmsdesk ran into an error it did not expect. What you were doing was not saved; everything saved before is safe, and you can go on working.</source>
        <translation>cmsdesk encontró un error inesperado. Lo que estaba haciendo no se guardó; todo lo guardado antes está a salvo y puede seguir trabajando.</translation>
    </message>
    <message>
        <source>cmsdesk</source>
        <translation>cmsdesk</translation>
    </message>
    <message>
        <source>The store is busy (another cmsdesk is writing); waiting…</source>
        <translation>El archivo del plan está ocupado (otro cmsdesk está escribiendo); esperando…</translation>
    </message>
    <message>
        <source>The plan&apos;s store is damaged</source>
        <translation>El archivo del plan está dañado</translation>
    </message>
    <message>
        <source>The plan&apos;s store %1 is damaged (some of its pages cannot be read) and there is no good backup of it. It was not changed. Start cmsdesk with a new store and open the plan&apos;s bundles in it, or ask for the plan&apos;s bundle again.</source>
        <translation>El archivo del plan %1 está dañado (algunas de sus páginas no se pueden leer) y no existe ninguna copia de seguridad en buen estado. No se modificó. Inicie cmsdesk con un archivo nuevo y abra en él los paquetes del plan, o pida de nuevo el paquete del plan.</translation>
    </message>
    <message>
        <source>The plan&apos;s store %1 is damaged (some of its pages cannot be read), so cmsdesk did not open it. Its latest good backup was made on %2 (UTC), before an import or a restore: work done after it would have to be redone or imported again. The damaged file is kept beside it, renamed.</source>
        <translation>El archivo del plan %1 está dañado (algunas de sus páginas no se pueden leer), por lo que cmsdesk no lo abrió. Su última copia de seguridad en buen estado es del %2 (UTC), anterior a una importación o una restauración: el trabajo hecho después deberá rehacerse o importarse de nuevo. El archivo dañado se conserva al lado, con otro nombre.</translation>
    </message>
    <message>
        <source>&amp;Restore the backup</source>
        <translation>&amp;Restaurar la copia de seguridad</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Close without saving?</source>
        <translation>¿Cerrar sin guardar?</translation>
    </message>
    <message>
        <source>%1 text(s) you typed could not be saved: the store could not be written (see the message before). Close anyway and lose them, or cancel, free some space on the disk and leave the field to save them?</source>
        <translation>No se pudieron guardar %1 texto(s) escrito(s): no se pudo escribir en el almacén (véase el mensaje anterior). ¿Cerrar de todos modos y perderlos, o cancelar, liberar espacio en el disco y salir del campo para guardarlos?</translation>
    </message>
</context>
<context>
    <name>history</name>
    <message>
        <source>edit</source>
        <translation>cambio</translation>
    </message>
    <message>
        <source>settlement</source>
        <translation>resolución</translation>
    </message>
    <message>
        <source>created</source>
        <translation>creación</translation>
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
        <source>Africa</source>
        <translation>África</translation>
    </message>
    <message>
        <source>Asia</source>
        <translation>Asia</translation>
    </message>
    <message>
        <source>Central and South America and the Caribbean</source>
        <translation>América Central y del Sur y el Caribe</translation>
    </message>
    <message>
        <source>Europe</source>
        <translation>Europa</translation>
    </message>
    <message>
        <source>North America</source>
        <translation>América del Norte</translation>
    </message>
    <message>
        <source>Oceania</source>
        <translation>Oceanía</translation>
    </message>
    <message>
        <source>this installation</source>
        <translation>esta instalación</translation>
    </message>
    <message>
        <source>pinned key</source>
        <translation>clave fijada</translation>
    </message>
    <message>
        <source>known key</source>
        <translation>clave conocida</translation>
    </message>
    <message>
        <source>new key</source>
        <translation>clave nunca vista</translation>
    </message>
    <message>
        <source>unsigned</source>
        <translation>sin firma</translation>
    </message>
    <message>
        <source>recorded by the Secretariat from the Party&apos;s reply</source>
        <translation>registrado por la Secretaría a partir de la respuesta de la Parte</translation>
    </message>
    <message>
        <source>(no Party named)</source>
        <translation>(ninguna Parte indicada)</translation>
    </message>
    <message>
        <source>it claims to speak for %1, whose registered key is %2, with a key that is not registered</source>
        <translation>dice venir de la Parte %1, cuya clave registrada es %2, con una clave que no está registrada</translation>
    </message>
    <message>
        <source>it claims to speak for %1, but its key (%2) is registered for %3</source>
        <translation>dice venir de la Parte %1, pero su clave (%2) está registrada para la Parte %3</translation>
    </message>
    <message>
        <source>Word reply</source>
        <translation>respuesta en Word</translation>
    </message>
    <message>
        <source>letter</source>
        <translation>carta</translation>
    </message>
    <message>
        <source>it claims to be recorded from the %1 of %2, but its key (%3) is registered for %4: only the Secretariat records for a Party</source>
        <comment>%1: Word reply or letter; %2, %4: Parties</comment>
        <translation>dice estar registrado a partir de la %1 de la Parte %2, pero su clave (%3) está registrada para la Parte %4: solo la Secretaría registra en nombre de una Parte</translation>
    </message>
    <message>
        <source>it claims to be recorded from the %1 of %2 by this installation, but it is signed with another key (%3) than this installation&apos;s (%4)</source>
        <comment>%1: Word reply or letter</comment>
        <translation>dice estar registrado a partir de la %1 de la Parte %2 por esta instalación, pero está firmado con otra clave (%3) que la de esta instalación (%4)</translation>
    </message>
    <message>
        <source>it claims to be recorded from the %1 of %2 by the Secretariat, but it is signed with another key (%3) than the Secretariat&apos;s (%4)</source>
        <comment>%1: Word reply or letter</comment>
        <translation>dice estar registrado a partir de la %1 de la Parte %2 por la Secretaría, pero está firmado con otra clave (%3) que la de la Secretaría (%4)</translation>
    </message>
    <message>
        <source>it builds on a change held in quarantine</source>
        <translation>se basa en un cambio retenido en cuarentena</translation>
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
        <source>(no name)</source>
        <translation>(sin nombre)</translation>
    </message>
    <message>
        <source>Aichi Biodiversity Targets</source>
        <translation>Metas de Aichi para la Diversidad Biológica</translation>
    </message>
    <message>
        <source>Kunming-Montreal Global Biodiversity Framework</source>
        <translation>Marco Mundial de Biodiversidad de Kunming-Montreal</translation>
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
    <name>plan_from_file</name>
    <message>
        <source>New plan from a file</source>
        <translation>Nuevo plan a partir de un archivo</translation>
    </message>
    <message>
        <source>Plans (*.md *.markdown *.json *.docx);;All files (*)</source>
        <translation>Planes (*.md *.markdown *.json *.docx);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>No plan was created</source>
        <translation>No se creó ningún plan</translation>
    </message>
    <message>
        <source>New plan from a &amp;file…</source>
        <translation>Nuevo plan a partir de un &amp;archivo…</translation>
    </message>
    <message>
        <source>A plan written as a Markdown outline, a JSON file or a Word draft</source>
        <translation>Un plan escrito como esquema Markdown, archivo JSON o borrador de Word</translation>
    </message>
</context>
<context>
    <name>plans</name>
    <message>
        <source>New plan</source>
        <translation>Nuevo plan</translation>
    </message>
    <message>
        <source>Title of the new plan:</source>
        <translation>Título del nuevo plan:</translation>
    </message>
    <message>
        <source>Importing the bundle</source>
        <translation>Importando el paquete</translation>
    </message>
    <message>
        <source>The bundle was not imported</source>
        <translation>El paquete no se importó</translation>
    </message>
    <message>
        <source>%1 was not imported: %2</source>
        <translation>%1 no se importó: %2</translation>
    </message>
    <message>
        <source>Open a draft bundle</source>
        <translation>Abrir un paquete</translation>
    </message>
    <message>
        <source>cmsdesk bundles (*.cmsb);;All files (*)</source>
        <translation>Paquetes de cmsdesk (*.cmsb);;Todos los archivos (*)</translation>
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
    <name>rendering</name>
    <message>
        <source>(image: {alt})</source>
        <translation>(imagen: {alt})</translation>
    </message>
</context>
<context>
    <name>resolve</name>
    <message>
        <source>&lt;b&gt;Option %1&lt;/b&gt; — position of &lt;b&gt;%2&lt;/b&gt;, proposed by &lt;b&gt;%3&lt;/b&gt;</source>
        <translation>&lt;b&gt;Opción %1&lt;/b&gt; — posición de &lt;b&gt;%2&lt;/b&gt;, propuesta por &lt;b&gt;%3&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Option %1&lt;/b&gt; — proposed by &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>&lt;b&gt;Opción %1&lt;/b&gt; — propuesta por &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Move it, with what it holds, to the Trash</source>
        <translation>Enviarlo a la papelera, con su contenido</translation>
    </message>
    <message>
        <source>Keep it in the plan</source>
        <translation>Conservarlo en el plan</translation>
    </message>
</context>
<context>
    <name>review</name>
    <message>
        <source>Cross-references</source>
        <translation>Referencias cruzadas</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Comentarios</translation>
    </message>
    <message>
        <source>Place in the outline</source>
        <translation>Lugar en el esquema</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Papelera</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Estado: %1</translation>
    </message>
    <message>
        <source>Proposed wording</source>
        <translation>Redacción propuesta</translation>
    </message>
    <message>
        <source>Settled a conflict</source>
        <translation>Resolvió un conflicto</translation>
    </message>
    <message>
        <source>Added it</source>
        <translation>Lo añadió</translation>
    </message>
    <message>
        <source>Moved it</source>
        <translation>Lo movió</translation>
    </message>
    <message>
        <source>Moved it to the Trash</source>
        <translation>Lo envió a la papelera</translation>
    </message>
    <message>
        <source>Restored it from the Trash</source>
        <translation>Lo recuperó de la papelera</translation>
    </message>
    <message>
        <source>Linked %1</source>
        <translation>Vinculó %1</translation>
    </message>
    <message>
        <source>Unlinked %1</source>
        <translation>Desvinculó %1</translation>
    </message>
    <message>
        <source>Changed link %1</source>
        <translation>Cambió el vínculo %1</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comentario</translation>
    </message>
    <message>
        <source>Marked a comment resolved</source>
        <translation>Marcó un comentario como resuelto</translation>
    </message>
    <message>
        <source>Regional position — %1</source>
        <translation>Posición regional — %1</translation>
    </message>
    <message>
        <source>The Party did not sign this change: a Secretariat installation pinned here recorded it from the Party&apos;s Word reply or letter and signed it.</source>
        <translation>La Parte no firmó este cambio: una instalación de la Secretaría fijada aquí lo registró a partir de la respuesta en Word o la carta de la Parte y lo firmó.</translation>
    </message>
    <message>
        <source>recorded by the Secretariat from the Party&apos;s reply</source>
        <translation>registrado por la Secretaría a partir de la respuesta de la Parte</translation>
    </message>
    <message>
        <source>received late</source>
        <translation>recibido tarde</translation>
    </message>
    <message>
        <source>The key this change is signed with is not pinned here: check its fingerprint with the sender (cmsdesk keys).</source>
        <translation>La clave que firma este cambio no está fijada aquí: compruebe su huella con el remitente (cmsdesk keys).</translation>
    </message>
    <message>
        <source>author not verified</source>
        <translation>autor no verificado</translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation>revisado</translation>
    </message>
</context>
<context>
    <name>theme</name>
    <message>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
</context>
</TS>
