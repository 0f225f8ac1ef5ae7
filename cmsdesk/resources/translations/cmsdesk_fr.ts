<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AlternativeCard</name>
    <message>
        <source>Choose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to the Trash</source>
        <translation type="unfinished">Mettre à la corbeille</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation type="unfinished">Le garder</translation>
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
        <translation>Commentaires</translation>
    </message>
    <message>
        <source>Mark resolved</source>
        <translation>Marquer comme résolu</translation>
    </message>
    <message>
        <source>Write a comment (Ctrl+Enter adds it)</source>
        <translation>Écrire un commentaire (Ctrl+Entrée l’ajoute)</translation>
    </message>
    <message>
        <source>Add comment</source>
        <translation>Ajouter le commentaire</translation>
    </message>
    <message>
        <source>No comments on this node yet.</source>
        <translation>Aucun commentaire sur cet élément pour l’instant.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>résolu</translation>
    </message>
</context>
<context>
    <name>ConflictBanner</name>
    <message>
        <source>removes “%1”</source>
        <translation>supprime « %1 »</translation>
    </message>
    <message>
        <source>Contested field</source>
        <translation>Champ contesté</translation>
    </message>
    <message>
        <source>Contested deletion: some moved this to the Trash while others edited it. It stays visible until someone decides.</source>
        <translation>Suppression contestée : certains ont mis cet élément à la corbeille pendant que d’autres le modifiaient. Il reste visible jusqu’à ce que quelqu’un tranche.</translation>
    </message>
    <message>
        <source>Contested place: this was moved to different places. Move it where it belongs to settle it.</source>
        <translation>Emplacement contesté : cet élément a été déplacé à des endroits différents. Placez-le où il doit être pour trancher.</translation>
    </message>
    <message>
        <source>The %1 is contested: %2 proposals. The field shows them as bracketed options.</source>
        <translation>Le champ « %1 » est contesté : %2 propositions. Le champ les montre sous forme d’options entre crochets.</translation>
    </message>
    <message>
        <source>The %1 is contested: %2 proposals. The first is shown until someone chooses.</source>
        <translation>Le champ « %1 » est contesté : %2 propositions. La première est affichée jusqu’à ce que quelqu’un choisisse.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>Move to the Trash</source>
        <translation>Mettre à la corbeille</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Le garder</translation>
    </message>
    <message>
        <source>%1 — wanted by %2</source>
        <translation>%1 — voulu par %2</translation>
    </message>
    <message>
        <source>Option %1 — proposed by %2</source>
        <translation>Option %1 — proposée par %2</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Use this</source>
        <translation>Retenir</translation>
    </message>
    <message>
        <source>Settle the field with this alternative</source>
        <translation>Trancher en faveur de cette proposition</translation>
    </message>
</context>
<context>
    <name>CoverageModel</name>
    <message>
        <source>%1 plan targets address it</source>
        <translation>%1 objectifs du plan y répondent</translation>
    </message>
    <message>
        <source>%1 links</source>
        <translation>%1 liens</translation>
    </message>
    <message>
        <source>not linked</source>
        <translation>non lié</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Liens</translation>
    </message>
    <message>
        <source>Plan targets</source>
        <translation>Objectifs du plan</translation>
    </message>
    <message>
        <source>Goal %1, target %2: %3</source>
        <translation>But %1, objectif %2 : %3</translation>
    </message>
</context>
<context>
    <name>CoverageView</name>
    <message>
        <source>Coverage matrix</source>
        <translation>Matrice de couverture</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>%1 plan targets, %2 framework targets. Framework targets no plan target addresses: %3. Plan targets with no cross-reference: %4. ● primary, ○ supporting.</source>
        <translation>%1 objectifs du plan, %2 objectifs du cadre. Objectifs du cadre auxquels aucun objectif du plan ne répond : %3. Objectifs du plan sans renvoi : %4. ● principal, ○ complémentaire.</translation>
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
        <translation type="unfinished">Projets cmsdesk (*.cmsb);;Tous les fichiers (*)</translation>
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
        <translation>Plan</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Corbeille</translation>
    </message>
    <message>
        <source>Cross-references</source>
        <translation>Renvois</translation>
    </message>
    <message>
        <source>Coverage matrix</source>
        <translation>Matrice de couverture</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>Éditeur</translation>
    </message>
    <message>
        <source>Go to the next contested place</source>
        <translation>Aller au prochain point contesté</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Rechercher…</translation>
    </message>
    <message>
        <source>Plan &amp;details…</source>
        <translation>&amp;Détails du plan…</translation>
    </message>
    <message>
        <source>My &amp;profile…</source>
        <translation>Mon &amp;profil…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Markdown &amp;preview</source>
        <translation>&amp;Aperçu Markdown</translation>
    </message>
    <message>
        <source>&amp;About cmsdesk</source>
        <translation>À &amp;propos de cmsdesk</translation>
    </message>
    <message>
        <source>&amp;Coverage matrix</source>
        <translation>&amp;Matrice de couverture</translation>
    </message>
    <message>
        <source>Plan targets against framework targets</source>
        <translation>Objectifs du plan face aux objectifs du cadre</translation>
    </message>
    <message>
        <source>Go to the &amp;outline</source>
        <translation>Aller au &amp;plan</translation>
    </message>
    <message>
        <source>Go to the &amp;editor</source>
        <translation>Aller à l’é&amp;diteur</translation>
    </message>
    <message>
        <source>Go to the cross-&amp;references</source>
        <translation>Aller aux &amp;renvois</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barre d’outils principale</translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation>Base : %1</translation>
    </message>
    <message>
        <source>1 unresolved conflict</source>
        <translation>1 conflit non résolu</translation>
    </message>
    <message>
        <source>%1 unresolved conflicts</source>
        <translation>%1 conflits non résolus</translation>
    </message>
    <message>
        <source>cmsdesk</source>
        <translation>cmsdesk</translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation>Annuler : %1</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>Rien à annuler</translation>
    </message>
    <message>
        <source>Redo: %1</source>
        <translation>Rétablir : %1</translation>
    </message>
    <message>
        <source>Nothing to redo</source>
        <translation>Rien à rétablir</translation>
    </message>
    <message>
        <source>Edit the plan&apos;s %1</source>
        <translation>Modifier « %1 » du plan</translation>
    </message>
    <message>
        <source>About cmsdesk</source>
        <translation>À propos de cmsdesk</translation>
    </message>
    <message>
        <source>&lt;b&gt;cmsdesk %1&lt;/b&gt;&lt;p&gt;Offline drafting of the Strategic Plan for Migratory Species: edit on your laptop, exchange drafts as bundle files, see who proposed what.&lt;/p&gt;</source>
        <translation>&lt;b&gt;cmsdesk %1&lt;/b&gt;&lt;p&gt;Rédaction hors ligne du Plan stratégique pour les espèces migratrices : modifiez sur votre ordinateur, échangez les projets sous forme de fichiers, voyez qui a proposé quoi.&lt;/p&gt;</translation>
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
        <translation type="unfinished">p. ex. UNEP/CMS/COP11/Doc.15.2</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished">&amp;Nom :</translation>
    </message>
    <message>
        <source>Document &amp;symbol:</source>
        <translation type="unfinished">&amp;Cote du document :</translation>
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
        <translation>Sélectionnez un but ou un objectif dans le plan pour le modifier.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Statut :</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titre :</translation>
    </message>
    <message>
        <source>Te&amp;xt</source>
        <translation>Te&amp;xte</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <source>contested: see the proposals above the text</source>
        <translation>contesté : voir les propositions au-dessus du texte</translation>
    </message>
    <message>
        <source>&amp;Indicators</source>
        <translation>&amp;Indicateurs</translation>
    </message>
    <message>
        <source>&amp;Milestones</source>
        <translation>&amp;Jalons</translation>
    </message>
    <message>
        <source>&amp;Actors</source>
        <translation>&amp;Acteurs</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Commentaires</translation>
    </message>
    <message>
        <source>(in the Trash)</source>
        <translation>(dans la corbeille)</translation>
    </message>
    <message>
        <source>Comments (%1)</source>
        <translation>Commentaires (%1)</translation>
    </message>
    <message>
        <source>Edit %1 of %2</source>
        <translation>Modifier « %1 » de %2</translation>
    </message>
    <message>
        <source>Move %1 to the Trash</source>
        <translation>Mettre %1 à la corbeille</translation>
    </message>
    <message>
        <source>Keep %1</source>
        <translation>Garder %1</translation>
    </message>
    <message>
        <source>Choose the %1 of %2</source>
        <translation>Choisir « %1 » de %2</translation>
    </message>
</context>
<context>
    <name>OutlineModel</name>
    <message>
        <source>Move %1</source>
        <translation>Déplacer %1</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(sans titre)</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Statut : %1</translation>
    </message>
    <message>
        <source>Contested: proposals disagree here</source>
        <translation>Contesté : les propositions divergent ici</translation>
    </message>
    <message>
        <source>Edit %1 of %2</source>
        <translation>Modifier « %1 » de %2</translation>
    </message>
    <message>
        <source>Move nodes</source>
        <translation>Déplacer des éléments</translation>
    </message>
</context>
<context>
    <name>OutlinePanel</name>
    <message>
        <source>Filter by number or title (e.g. T7)</source>
        <translation>Filtrer par numéro ou titre (p. ex. T7)</translation>
    </message>
    <message>
        <source>Filter the outline</source>
        <translation>Filtrer le plan</translation>
    </message>
    <message>
        <source>Plan outline</source>
        <translation>Plan du document</translation>
    </message>
    <message>
        <source>New part</source>
        <translation>Nouvelle partie</translation>
    </message>
    <message>
        <source>New chapter</source>
        <translation>Nouveau chapitre</translation>
    </message>
    <message>
        <source>New goal</source>
        <translation>Nouveau but</translation>
    </message>
    <message>
        <source>New target</source>
        <translation>Nouvel objectif</translation>
    </message>
    <message>
        <source>New indicator</source>
        <translation>Nouvel indicateur</translation>
    </message>
    <message>
        <source>New annex</source>
        <translation>Nouvelle annexe</translation>
    </message>
    <message>
        <source>New correspondence annex</source>
        <translation>Nouvelle annexe de correspondance</translation>
    </message>
    <message>
        <source>Add a part</source>
        <translation>Ajouter une partie</translation>
    </message>
    <message>
        <source>Add a chapter</source>
        <translation>Ajouter un chapitre</translation>
    </message>
    <message>
        <source>Add a goal</source>
        <translation>Ajouter un but</translation>
    </message>
    <message>
        <source>Add a target</source>
        <translation>Ajouter un objectif</translation>
    </message>
    <message>
        <source>Add an indicator</source>
        <translation>Ajouter un indicateur</translation>
    </message>
    <message>
        <source>Add an annex</source>
        <translation>Ajouter une annexe</translation>
    </message>
    <message>
        <source>Add the correspondence annex</source>
        <translation>Ajouter l’annexe de correspondance</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renommer</translation>
    </message>
    <message>
        <source>Move to Trash</source>
        <translation>Mettre à la corbeille</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>Move %1 to the Trash</source>
        <translation>Mettre %1 à la corbeille</translation>
    </message>
    <message>
        <source>%1 is in the Trash (Undo brings it back)</source>
        <translation>%1 est dans la corbeille (Annuler le fait revenir)</translation>
    </message>
</context>
<context>
    <name>PlanDetailsDialog</name>
    <message>
        <source>Plan details</source>
        <translation>Détails du plan</translation>
    </message>
    <message>
        <source>e.g. UNEP/CMS/COP11/Doc.15.2</source>
        <translation>p. ex. UNEP/CMS/COP11/Doc.15.2</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titre :</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Période :</translation>
    </message>
    <message>
        <source>Document &amp;symbol:</source>
        <translation>&amp;Cote du document :</translation>
    </message>
</context>
<context>
    <name>PlanDocument</name>
    <message>
        <source>The store could not be written, so the edit was not saved: %1</source>
        <translation>La base n’a pas pu être écrite, la modification n’a donc pas été enregistrée : %1</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Who is editing?</source>
        <translation>Qui rédige ?</translation>
    </message>
    <message>
        <source>cmsdesk attributes every proposal and comment to you, so that the Secretariat and other Parties can see who proposed what. You can change this later.</source>
        <translation>cmsdesk vous attribue chaque proposition et chaque commentaire, afin que le Secrétariat et les autres Parties voient qui a proposé quoi. Vous pourrez le modifier plus tard.</translation>
    </message>
    <message>
        <source>e.g. Kenya, or the CMS Secretariat</source>
        <translation>p. ex. Kenya, ou le Secrétariat de la CMS</translation>
    </message>
    <message>
        <source>delegate</source>
        <translation>délégué</translation>
    </message>
    <message>
        <source>focal point</source>
        <translation>correspondant national</translation>
    </message>
    <message>
        <source>Secretariat</source>
        <translation>Secrétariat</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>&amp;Party or organisation:</source>
        <translation>&amp;Partie ou organisation :</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>&amp;Région :</translation>
    </message>
    <message>
        <source>R&amp;ole:</source>
        <translation>R&amp;ôle :</translation>
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
        <translation type="unfinished">Annuler</translation>
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
        <translation>Rechercher dans les titres et les textes</translation>
    </message>
    <message>
        <source>Search the plan</source>
        <translation>Rechercher dans le plan</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Résultats de la recherche</translation>
    </message>
    <message>
        <source>%1 places found.</source>
        <translation>%1 résultats.</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>Aucun résultat.</translation>
    </message>
</context>
<context>
    <name>StartDialog</name>
    <message>
        <source>Start a plan</source>
        <translation>Commencer un plan</translation>
    </message>
    <message>
        <source>This store holds no plan yet. Start from the starter plan (the structure of the Strategic Plan for Migratory Species, with its goals, targets and Aichi cross-references), or open a draft bundle (.cmsb) that someone sent you.</source>
        <translation>Cette base ne contient encore aucun plan. Partez du plan de départ (la structure du Plan stratégique pour les espèces migratrices, avec ses buts, ses objectifs et ses renvois aux objectifs d’Aichi) ou ouvrez un projet (.cmsb) que quelqu’un vous a envoyé.</translation>
    </message>
    <message>
        <source>Start from the &amp;starter plan</source>
        <translation>Partir du plan de &amp;départ</translation>
    </message>
    <message>
        <source>Open a draft &amp;bundle received from someone…</source>
        <translation>Ouvrir un &amp;projet reçu de quelqu’un…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
</context>
<context>
    <name>TextField</name>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>Preview: the text as it will read</source>
        <translation>Aperçu : le texte tel qu’il se lira</translation>
    </message>
</context>
<context>
    <name>TrashPanel</name>
    <message>
        <source>Trash</source>
        <translation>Corbeille</translation>
    </message>
    <message>
        <source>The Trash is empty.</source>
        <translation>La corbeille est vide.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <source>Restore %1</source>
        <translation>Restaurer %1</translation>
    </message>
</context>
<context>
    <name>XrefPanel</name>
    <message>
        <source>Reference framework</source>
        <translation>Cadre de référence</translation>
    </message>
    <message>
        <source>&amp;Framework:</source>
        <translation>&amp;Cadre :</translation>
    </message>
    <message>
        <source>Framework target</source>
        <translation>Objectif du cadre</translation>
    </message>
    <message>
        <source>Framework targets</source>
        <translation>Objectifs du cadre</translation>
    </message>
    <message>
        <source>Why this target serves it (optional)</source>
        <translation>En quoi cet objectif y contribue (facultatif)</translation>
    </message>
    <message>
        <source>Relevance:</source>
        <translation>Pertinence :</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Note :</translation>
    </message>
    <message>
        <source>Coverage of the whole plan…</source>
        <translation>Couverture de tout le plan…</translation>
    </message>
    <message>
        <source>Select a target to see what it contributes to.</source>
        <translation>Sélectionnez un objectif pour voir à quoi il contribue.</translation>
    </message>
    <message>
        <source>Cross-references belong to targets: select a target.</source>
        <translation>Les renvois concernent les objectifs : sélectionnez un objectif.</translation>
    </message>
    <message>
        <source>%1 is linked to %2 of these targets.</source>
        <translation>%1 est lié à %2 de ces objectifs.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Select a framework target to read it.</source>
        <translation>Sélectionnez un objectif du cadre pour le lire.</translation>
    </message>
    <message>
        <source>%1 target %2</source>
        <translation>%1, objectif %2</translation>
    </message>
    <message>
        <source>Link %1 to %2 target %3</source>
        <translation>Lier %1 à %2, objectif %3</translation>
    </message>
    <message>
        <source>Unlink %1 from %2 target %3</source>
        <translation>Délier %1 de %2, objectif %3</translation>
    </message>
    <message>
        <source>Edit link of %1 to %2 target %3</source>
        <translation>Modifier le lien de %1 à %2, objectif %3</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>cmsdesk cannot open the store</source>
        <translation>cmsdesk ne peut pas ouvrir la base</translation>
    </message>
    <message>
        <source>The store is locked</source>
        <translation>La base est verrouillée</translation>
    </message>
    <message>
        <source>%1

If cmsdesk crashed, take the lock over: nothing else is using the store.</source>
        <translation>%1

Si cmsdesk s’est arrêté brutalement, reprenez le verrou : rien d’autre n’utilise la base.</translation>
    </message>
    <message>
        <source>Take over</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Open a draft bundle</source>
        <translation>Ouvrir un projet</translation>
    </message>
    <message>
        <source>cmsdesk bundles (*.cmsb);;All files (*)</source>
        <translation>Projets cmsdesk (*.cmsb);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>cmsdesk</source>
        <translation>cmsdesk</translation>
    </message>
    <message>
        <source>This version of cmsdesk cannot import bundles.</source>
        <translation>Cette version de cmsdesk ne peut pas importer de projets.</translation>
    </message>
    <message>
        <source>Importing the bundle</source>
        <translation>Importation du projet</translation>
    </message>
    <message>
        <source>The bundle was not imported</source>
        <translation>Le projet n’a pas été importé</translation>
    </message>
    <message>
        <source>Choose a plan</source>
        <translation>Choisir un plan</translation>
    </message>
    <message>
        <source>This store holds several plans:</source>
        <translation>Cette base contient plusieurs plans :</translation>
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
        <translation>Partie</translation>
    </message>
    <message>
        <source>Chapter</source>
        <translation>Chapitre</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>But</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Objectif</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Indicateur</translation>
    </message>
    <message>
        <source>Annex</source>
        <translation>Annexe</translation>
    </message>
    <message>
        <source>Correspondence annex</source>
        <translation>Annexe de correspondance</translation>
    </message>
    <message>
        <source>title</source>
        <translation>titre</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texte</translation>
    </message>
    <message>
        <source>explanatory note</source>
        <translation>note explicative</translation>
    </message>
    <message>
        <source>indicators</source>
        <translation>indicateurs</translation>
    </message>
    <message>
        <source>milestones</source>
        <translation>jalons</translation>
    </message>
    <message>
        <source>actors</source>
        <translation>acteurs</translation>
    </message>
    <message>
        <source>status</source>
        <translation>statut</translation>
    </message>
    <message>
        <source>place in the outline</source>
        <translation>place dans le plan</translation>
    </message>
    <message>
        <source>deletion</source>
        <translation>suppression</translation>
    </message>
    <message>
        <source>relevance</source>
        <translation>pertinence</translation>
    </message>
    <message>
        <source>period</source>
        <translation>période</translation>
    </message>
    <message>
        <source>document symbol</source>
        <translation>cote du document</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>projet</translation>
    </message>
    <message>
        <source>proposed</source>
        <translation>proposé</translation>
    </message>
    <message>
        <source>agreed</source>
        <translation>convenu</translation>
    </message>
    <message>
        <source>primary</source>
        <translation>principal</translation>
    </message>
    <message>
        <source>supporting</source>
        <translation>complémentaire</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>kind and number, as in Target 7</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 “%2”</source>
        <comment>kind and title, as in Chapter “Vision”</comment>
        <translation>%1 « %2 »</translation>
    </message>
</context>
<context>
    <name>progress</name>
    <message>
        <source>%1 of %2: %3</source>
        <translation>%1 sur %2 : %3</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
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
        <translation type="unfinished">Renvois</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation type="unfinished">Commentaires</translation>
    </message>
    <message>
        <source>Place in the outline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trash</source>
        <translation type="unfinished">Corbeille</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation type="unfinished">Statut : %1</translation>
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
