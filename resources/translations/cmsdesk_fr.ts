<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AlternativeCard</name>
    <message>
        <source>Choose</source>
        <translation>Choisir</translation>
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
        <source>Settle the field with option %1</source>
        <translation>Trancher le champ avec l’option %1</translation>
    </message>
    <message>
        <source>Withdraw the position of %1</source>
        <translation>Retirer la position de %1</translation>
    </message>
    <message>
        <source>Endorse for %1</source>
        <translation>Approuver pour %1</translation>
    </message>
    <message>
        <source>Withdraw the endorsement: the option is again its proposers&apos;</source>
        <translation>Retirer l&apos;approbation : l&apos;option revient à ses auteurs</translation>
    </message>
    <message>
        <source>Make option %1 the position of %2: the text then reads [Option %1 (%2): ...] on every site</source>
        <translation>Faire de l&apos;option %1 la position de %2 : le texte se lit alors [Option %1 (%2): ...] sur chaque poste</translation>
    </message>
</context>
<context>
    <name>AttachDialog</name>
    <message>
        <source>Paragraphs outside the plan&apos;s texts</source>
        <translation>Paragraphes hors des textes du plan</translation>
    </message>
    <message>
        <source>Attach to (T7, G2…)</source>
        <translation>Rattacher à (T7, G2…)</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Où</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>&amp;Attach as comments</source>
        <translation>&amp;Rattacher comme commentaires</translation>
    </message>
</context>
<context>
    <name>CarryDialog</name>
    <message>
        <source>Carry into the original</source>
        <translation>Reporter dans l’original</translation>
    </message>
    <message>
        <source>%1, %2, proposed by %3. Give its wording in the original: the original will name the proposal it carries.</source>
        <translation>%1, %2, proposé par %3. Donnez son libellé dans l’original : l’original nommera la proposition qu’il reprend.</translation>
    </message>
    <message>
        <source>The proposal</source>
        <translation>La proposition</translation>
    </message>
    <message>
        <source>Its wording in the original</source>
        <translation>Son libellé dans l’original</translation>
    </message>
    <message>
        <source>&amp;Wording in the original:</source>
        <translation>&amp;Libellé dans l’original :</translation>
    </message>
    <message>
        <source>&amp;Carry over</source>
        <translation>&amp;Reporter</translation>
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
        <source>New comment</source>
        <translation>Nouveau commentaire</translation>
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
        <source>Option %1 — position of %2, proposed by %3</source>
        <translation>Option %1 — position de %2, proposée par %3</translation>
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
        <source>Reading the cross-references of the plan…</source>
        <translation>Lecture des renvois du plan…</translation>
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
        <translation>Exporter vers Word</translation>
    </message>
    <message>
        <source>Export Markdown</source>
        <translation>Exporter en Markdown</translation>
    </message>
    <message>
        <source>Export the compilation of comments</source>
        <translation>Exporter la compilation des commentaires</translation>
    </message>
    <message>
        <source>Date on the document</source>
        <translation>Date du document</translation>
    </message>
    <message>
        <source>Include the Companion Volume</source>
        <translation>Inclure le Volume d’accompagnement</translation>
    </message>
    <message>
        <source>Consultation copy (Parties edit it in Word and send it back)</source>
        <translation>Copie pour consultation (les Parties la modifient dans Word et la renvoient)</translation>
    </message>
    <message>
        <source>The copy looks like the draft and carries, invisibly, where each text comes from, so that File &gt; Import a Word reply turns a Party&apos;s edits into its proposals.</source>
        <translation>La copie a l&apos;aspect du projet et porte, de façon invisible, l&apos;origine de chaque texte : Fichier &gt; Importer une réponse Word transforme ainsi les modifications d&apos;une Partie en propositions de cette Partie.</translation>
    </message>
    <message>
        <source>the first version of the plan</source>
        <translation>la première version du plan</translation>
    </message>
    <message>
        <source>&amp;Proposals received since:</source>
        <translation>&amp;Propositions reçues depuis :</translation>
    </message>
    <message>
        <source>&amp;Addendum number:</source>
        <translation>Numéro de l&apos;&amp;additif :</translation>
    </message>
    <message>
        <source>by target</source>
        <translation>par objectif</translation>
    </message>
    <message>
        <source>by Party</source>
        <translation>par Partie</translation>
    </message>
    <message>
        <source>&amp;Order:</source>
        <translation>&amp;Ordre :</translation>
    </message>
    <message>
        <source>Annex:</source>
        <translation>Annexe :</translation>
    </message>
    <message>
        <source>&amp;Date on the document:</source>
        <translation>&amp;Date du document :</translation>
    </message>
    <message>
        <source>&amp;Language of the document:</source>
        <translation>&amp;Langue du document :</translation>
    </message>
    <message>
        <source>the plan as it stands</source>
        <translation>le plan tel qu&apos;il est</translation>
    </message>
    <message>
        <source>&amp;Draft to print:</source>
        <translation>&amp;Projet à imprimer :</translation>
    </message>
    <message>
        <source>Negotiation text</source>
        <translation>Texte de négociation</translation>
    </message>
    <message>
        <source>Working copy</source>
        <translation>Copie de travail</translation>
    </message>
    <message>
        <source>P&amp;resentation:</source>
        <translation>P&amp;résentation :</translation>
    </message>
    <message>
        <source>Table of contents</source>
        <translation>Table des matières</translation>
    </message>
    <message>
        <source>Each chapter on a new page</source>
        <translation>Chaque chapitre sur une nouvelle page</translation>
    </message>
    <message>
        <source>Targets&apos; short titles</source>
        <translation>Titres courts des objectifs</translation>
    </message>
    <message>
        <source>Numbered paragraphs</source>
        <translation>Paragraphes numérotés</translation>
    </message>
    <message>
        <source>Correspondence annex</source>
        <translation>Annexe de correspondance</translation>
    </message>
    <message>
        <source>Target fields:</source>
        <translation>Champs des objectifs :</translation>
    </message>
    <message>
        <source>none: cmsdesk&apos;s own styles</source>
        <translation>aucun : les styles de cmsdesk</translation>
    </message>
    <message>
        <source>Word template</source>
        <translation>Modèle Word</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>Word &amp;template:</source>
        <translation>&amp;Modèle Word :</translation>
    </message>
    <message>
        <source>Choose a Word template</source>
        <translation>Choisir un modèle Word</translation>
    </message>
    <message>
        <source>Word templates (*.dotx *.docx)</source>
        <translation>Modèles Word (*.dotx *.docx)</translation>
    </message>
</context>
<context>
    <name>DraftsView</name>
    <message>
        <source>Named drafts</source>
        <translation>Projets nommés</translation>
    </message>
    <message>
        <source>Named draft</source>
        <translation>Projet nommé</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Cote</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <source>&amp;Mark the current state as a named draft…</source>
        <translation>&amp;Enregistrer l’état actuel comme projet nommé…</translation>
    </message>
    <message>
        <source>Document &amp;details of this draft…</source>
        <translation>&amp;Détails du document de ce projet…</translation>
    </message>
    <message>
        <source>Symbol, date, meeting, agenda item, deadline: what the Word document of this draft prints</source>
        <translation>Cote, date, réunion, point de l&apos;ordre du jour, date limite : ce qu&apos;imprime le document Word de ce projet</translation>
    </message>
    <message>
        <source>Export a &amp;full bundle for everyone…</source>
        <translation>Exporter un paquet &amp;complet pour tous…</translation>
    </message>
    <message>
        <source>The whole plan as it stands, for distribution to every Party</source>
        <translation>Le plan entier dans son état actuel, à distribuer à toutes les Parties</translation>
    </message>
    <message>
        <source>Only the node shown in the editor</source>
        <translation>Seulement l’élément affiché dans l’éditeur</translation>
    </message>
    <message>
        <source>Comparison with the draft</source>
        <translation>Comparaison avec le projet</translation>
    </message>
    <message>
        <source>new since the draft</source>
        <translation>nouveau depuis le projet</translation>
    </message>
    <message>
        <source>in the draft, gone now</source>
        <translation>dans le projet, disparu depuis</translation>
    </message>
    <message>
        <source>Marked the named draft %1</source>
        <translation>Projet nommé %1 enregistré</translation>
    </message>
    <message>
        <source>No named draft yet: mark the current state to compare with it later.</source>
        <translation>Aucun projet nommé pour l’instant : enregistrez l’état actuel pour pouvoir le comparer plus tard.</translation>
    </message>
    <message>
        <source>Compared with %1 (%2): %3 node(s) differ.</source>
        <translation>Par rapport à %1 (%2) : %3 élément(s) diffèrent.</translation>
    </message>
    <message>
        <source>The text is as it was in %1 (%2).</source>
        <translation>Le texte est tel qu’il était dans %1 (%2).</translation>
    </message>
    <message>
        <source> (new since the draft)</source>
        <translation> (nouveau depuis le projet)</translation>
    </message>
    <message>
        <source> (no longer in the plan)</source>
        <translation> (ne figure plus dans le plan)</translation>
    </message>
</context>
<context>
    <name>ExportBundleDialog</name>
    <message>
        <source>Export a bundle</source>
        <translation>Exporter un paquet</translation>
    </message>
    <message>
        <source>Everyone (a full draft, for distribution)</source>
        <translation>Tous (un projet complet, à distribuer)</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Enregistrer…</translation>
    </message>
    <message>
        <source>&amp;For:</source>
        <translation>&amp;Pour :</translation>
    </message>
    <message>
        <source>Working out what the file will hold…</source>
        <translation>Calcul de ce que contiendra le fichier…</translation>
    </message>
    <message>
        <source>Size: %1</source>
        <translation>Taille : %1</translation>
    </message>
    <message>
        <source>Save the bundle</source>
        <translation>Enregistrer le paquet</translation>
    </message>
    <message>
        <source>cmsdesk bundles (*.cmsb)</source>
        <translation>Paquets cmsdesk (*.cmsb)</translation>
    </message>
    <message>
        <source>Writing the bundle</source>
        <translation>Écriture du paquet</translation>
    </message>
    <message>
        <source>Wrote %1 (%2)</source>
        <translation>%1 écrit (%2)</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>cmsdesk user guide</source>
        <translation>Guide de l’utilisateur de cmsdesk</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Guide de l’utilisateur</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Select one version to see what it changed, or two to compare them.</source>
        <translation>Sélectionnez une version pour voir ce qu’elle a modifié, ou deux pour les comparer.</translation>
    </message>
    <message>
        <source>Versions of the field</source>
        <translation>Versions du champ</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>Partie</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>What the version changed</source>
        <translation>Ce que la version a modifié</translation>
    </message>
    <message>
        <source>&amp;Restore this version</source>
        <translation>&amp;Rétablir cette version</translation>
    </message>
    <message>
        <source>Make this version&apos;s text the current one, as a new version that travels in your next bundle</source>
        <translation>Faire du texte de cette version le texte actuel, sous forme d’une nouvelle version qui partira dans votre prochain paquet</translation>
    </message>
    <message>
        <source>inserted</source>
        <translation>inséré</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>supprimé</translation>
    </message>
    <message>
        <source>&amp;Field:</source>
        <translation>&amp;Champ :</translation>
    </message>
    <message>
        <source>Select a node to see the history of its fields.</source>
        <translation>Sélectionnez un élément pour voir l’historique de ses champs.</translation>
    </message>
    <message>
        <source>%1, in %2</source>
        <translation>%1, en %2</translation>
    </message>
    <message>
        <source>%1, proposed by %2, in English</source>
        <translation>%1 (proposition de %2, en anglais)</translation>
    </message>
    <message>
        <source>%1, proposed by %2, in French</source>
        <translation>%1 (proposition de %2, en français)</translation>
    </message>
    <message>
        <source>%1, proposed by %2, in Spanish</source>
        <translation>%1 (proposition de %2, en espagnol)</translation>
    </message>
    <message>
        <source>From the version of %1 (%2) to that of %3 (%4):</source>
        <translation>De la version de %1 (%2) à celle de %3 (%4) :</translation>
    </message>
    <message>
        <source>What %1 changed (%2):</source>
        <translation>Ce que %1 a modifié (%2) :</translation>
    </message>
    <message>
        <source>Restore the %1 of %2 from %3</source>
        <translation>Rétablir le champ « %1 » de %2 à partir de %3</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <source>&amp;Import bundles…</source>
        <translation>&amp;Importer des paquets…</translation>
    </message>
    <message>
        <source>Import draft bundles (.cmsb) received from others</source>
        <translation>Importer les paquets (.cmsb) reçus d’autres personnes</translation>
    </message>
    <message>
        <source>Import bundles</source>
        <translation>Importer des paquets</translation>
    </message>
    <message>
        <source>cmsdesk bundles (*.cmsb);;All files (*)</source>
        <translation>Paquets cmsdesk (*.cmsb);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Importing bundles</source>
        <translation>Importation des paquets</translation>
    </message>
    <message>
        <source>Another plan</source>
        <translation>Un autre plan</translation>
    </message>
    <message>
        <source>%1 holds another plan, “%2”, not the one open in this window. Import it and open that plan? (This plan stays on this computer; File &gt; Open plan… comes back to it.)</source>
        <translation>%1 contient un autre plan, « %2 », et non celui qui est ouvert dans cette fenêtre. L’importer et ouvrir ce plan ? (Le plan actuel reste sur cet ordinateur ; Fichier &gt; Ouvrir un plan… permet d’y revenir.)</translation>
    </message>
    <message>
        <source>Import not undone</source>
        <translation>Importation non annulée</translation>
    </message>
    <message>
        <source>Import undone</source>
        <translation>Importation annulée</translation>
    </message>
    <message>
        <source>The plan is back as it was before the import. The state it replaced was kept as %1.</source>
        <translation>Le plan est revenu à son état d&apos;avant l&apos;importation. L&apos;état qu&apos;il remplaçait a été conservé dans %1.</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <source>Bundles imported</source>
        <translation>Paquets importés</translation>
    </message>
    <message>
        <source>Files imported</source>
        <translation>Fichiers importés</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Expéditeur</translation>
    </message>
    <message>
        <source>New changes</source>
        <translation>Nouvelles modifications</translation>
    </message>
    <message>
        <source>Already held</source>
        <translation>Déjà présentes</translation>
    </message>
    <message>
        <source>Merged cleanly</source>
        <translation>Fusionnées sans conflit</translation>
    </message>
    <message>
        <source>Conflicts created</source>
        <translation>Conflits créés</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; was refused: %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; a été refusé : %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Check %1 before building on it:&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;Vérifiez %1 avant de poursuivre le travail :&lt;/b&gt; %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1, %2:&lt;/b&gt; the option you printed as Option %3 is now Option %4: another installation numbered the same options at the same time, and every site keeps one numbering. Cite the new number.</source>
        <translation>&lt;b&gt;%1, %2 :&lt;/b&gt; l&apos;option que vous avez imprimée comme Option %3 est maintenant l&apos;Option %4 : une autre installation a numéroté les mêmes options au même moment, et chaque poste garde une seule numérotation. Citez le nouveau numéro.</translation>
    </message>
    <message>
        <source>&amp;Review the changes</source>
        <translation>E&amp;xaminer les modifications</translation>
    </message>
    <message>
        <source>Resolve &amp;conflicts</source>
        <translation>Résoudre les &amp;conflits</translation>
    </message>
    <message>
        <source>&amp;Undo this import</source>
        <translation>&amp;Annuler cette importation</translation>
    </message>
    <message>
        <source>Put the plan back as it was before these files (from the copy made before the import)</source>
        <translation>Remettre le plan dans son état d&apos;avant ces fichiers (à partir de la copie faite avant l&apos;importation)</translation>
    </message>
    <message>
        <source>%1 of %2 file(s) imported.</source>
        <translation>%1 fichier(s) sur %2 importé(s).</translation>
    </message>
    <message>
        <source>%1 refused: nothing of those files was imported.</source>
        <translation>%1 refusé(s) : rien de ces fichiers n’a été importé.</translation>
    </message>
    <message>
        <source>%1 not imported: the import was cancelled before them.</source>
        <translation>%1 non importé(s) : l’importation a été annulée avant eux.</translation>
    </message>
    <message>
        <source>%1 conflict(s) created: the proposals stand side by side until someone settles them.</source>
        <translation>%1 conflit(s) créé(s) : les propositions restent côte à côte jusqu’à ce que quelqu’un tranche.</translation>
    </message>
    <message>
        <source>Not imported: the import was cancelled before this file</source>
        <translation>Non importé : l’importation a été annulée avant ce fichier</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Refusé : %1</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>quelqu’un</translation>
    </message>
    <message>
        <source>verified (%1)</source>
        <translation>vérifié (%1)</translation>
    </message>
    <message>
        <source>NOT verified (%1)</source>
        <translation>NON vérifié (%1)</translation>
    </message>
    <message>
        <source>The signature is valid, but this key has not been seen from this sender before. Check its fingerprint with the sender before trusting it.</source>
        <translation>La signature est valide, mais cette clé n’a encore jamais été vue pour cet expéditeur. Vérifiez son empreinte auprès de l’expéditeur avant de lui faire confiance.</translation>
    </message>
    <message>
        <source>Nothing new: everything in this file was here already</source>
        <translation>Rien de nouveau : tout le contenu de ce fichier était déjà présent</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>an author and the Party claimed</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Quarantine: %1 change(s) by %2 held out of the plan: %3</source>
        <translation>Quarantaine : %1 modification(s) de %2 tenue(s) hors du plan : %3</translation>
    </message>
    <message>
        <source>%1: verified (%2)</source>
        <translation>%1 : vérifié (%2)</translation>
    </message>
    <message>
        <source>%1: NOT verified (%2)</source>
        <translation>%1 : NON vérifié (%2)</translation>
    </message>
</context>
<context>
    <name>KeysDialog</name>
    <message>
        <source>Keys and Parties</source>
        <translation>Clés et Parties</translation>
    </message>
    <message>
        <source>Each installation signs its changes with its own key. A key pinned for a Party speaks for it: changes claiming that Party under another key are held in quarantine until you accept or reject them. Compare a fingerprint with its owner (by phone) before pinning it.</source>
        <translation>Chaque installation signe ses modifications avec sa propre clé. Une clé épinglée pour une Partie parle en son nom : les modifications qui se réclament de cette Partie sous une autre clé sont mises en quarantaine jusqu&apos;à ce que vous les acceptiez ou les rejetiez. Comparez l&apos;empreinte avec son titulaire (par téléphone) avant d&apos;épingler une clé.</translation>
    </message>
    <message>
        <source>Speaks for</source>
        <translation>Parle au nom de</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Empreinte</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Held in quarantine</source>
        <translation>En quarantaine</translation>
    </message>
    <message>
        <source>&amp;Pin for its Party</source>
        <translation>&amp;Épingler pour sa Partie</translation>
    </message>
    <message>
        <source>&amp;Accept held changes</source>
        <translation>&amp;Accepter les modifications retenues</translation>
    </message>
    <message>
        <source>&amp;Reject held changes</source>
        <translation>&amp;Rejeter les modifications retenues</translation>
    </message>
    <message>
        <source>this installation</source>
        <translation>cette installation</translation>
    </message>
    <message>
        <source>pinned for %1</source>
        <translation>épinglée pour %1</translation>
    </message>
    <message>
        <source>not pinned: not verified</source>
        <translation>non épinglée : non vérifiée</translation>
    </message>
    <message>
        <source>%1 held</source>
        <translation>%1 retenue(s)</translation>
    </message>
    <message>
        <source>%1 rejected</source>
        <translation>%1 rejetée(s)</translation>
    </message>
    <message>
        <source>Held because %1.</source>
        <translation>Retenue(s) parce qu&apos;%1.</translation>
    </message>
    <message>
        <source>Pin this key</source>
        <translation>Épingler cette clé</translation>
    </message>
    <message>
        <source>Pin the key %1 as the key of %2 (%3)? Do it only after its owner read you the same fingerprint.</source>
        <translation>Épingler la clé %1 comme clé de %2 (%3) ? Ne le faites qu&apos;après que son titulaire vous a lu la même empreinte.</translation>
    </message>
</context>
<context>
    <name>LanguageBar</name>
    <message>
        <source>Language version</source>
        <translation>Version linguistique</translation>
    </message>
    <message>
        <source>%1 (original)</source>
        <translation>%1 (original)</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <source>Show the &amp;original beside</source>
        <translation>Afficher l&apos;&amp;original à côté</translation>
    </message>
    <message>
        <source>Mark as up to &amp;date</source>
        <translation>Marquer comme à &amp;jour</translation>
    </message>
    <message>
        <source>Declare this field&apos;s translation a translation of the original as it stands now</source>
        <translation>Déclarer la traduction de ce champ conforme à l&apos;original tel qu&apos;il est maintenant</translation>
    </message>
    <message>
        <source>&amp;Carry into the original…</source>
        <translation>&amp;Reporter dans l’original…</translation>
    </message>
    <message>
        <source>Take this field&apos;s proposal, made in this language, into the original; the original names who proposed it</source>
        <translation>Reprendre dans l’original la proposition faite dans cette langue pour ce champ ; l’original nomme qui l’a proposée</translation>
    </message>
    <message>
        <source>Translation &amp;status…</source>
        <translation>&amp;État des traductions…</translation>
    </message>
    <message>
        <source>Which texts are missing or need an update in each language</source>
        <translation>Quels textes manquent ou sont à mettre à jour dans chaque langue</translation>
    </message>
    <message>
        <source>The original, with its changes since the translation</source>
        <translation>L&apos;original, avec ses modifications depuis la traduction</translation>
    </message>
    <message>
        <source>Not translated yet, the original is shown: %1.</source>
        <translation>Pas encore traduit, l’original est affiché : %1.</translation>
    </message>
    <message>
        <source>The original changed since the translation: %1.</source>
        <translation>L’original a changé depuis la traduction : %1.</translation>
    </message>
    <message>
        <source>A proposal in this language, not yet in the original: %1.</source>
        <translation>Une proposition dans cette langue, pas encore dans l’original : %1.</translation>
    </message>
    <message>
        <source>Version being edited: %1.</source>
        <translation>Version modifiée : %1.</translation>
    </message>
    <message>
        <source>You are editing the original.</source>
        <translation>Vous modifiez l&apos;original.</translation>
    </message>
    <message>
        <source>added since the translation</source>
        <translation>ajouté depuis la traduction</translation>
    </message>
    <message>
        <source>removed since the translation</source>
        <translation>supprimé depuis la traduction</translation>
    </message>
    <message>
        <source>Original %1</source>
        <translation>%1 de l&apos;original</translation>
    </message>
</context>
<context>
    <name>LetterDialog</name>
    <message>
        <source>Record a letter or e-mail</source>
        <translation>Enregistrer une lettre ou un courriel</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>&amp;Canal :</translation>
    </message>
    <message>
        <source>Paste the e-mail or letter here, or open its file</source>
        <translation>Collez ici le courriel ou la lettre, ou ouvrez son fichier</translation>
    </message>
    <message>
        <source>Open &amp;file…</source>
        <translation>Ouvrir un &amp;fichier…</translation>
    </message>
    <message>
        <source>&amp;Split into pieces</source>
        <translation>&amp;Découper en éléments</translation>
    </message>
    <message>
        <source>Node (T7, G2, T3 note; empty: not recorded)</source>
        <translation>Élément (T7, G2, T3 note ; vide : non enregistré)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Open a letter</source>
        <translation>Ouvrir une lettre</translation>
    </message>
    <message>
        <source>Letters (*.docx *.txt *.md *.eml);;All files (*)</source>
        <translation>Lettres (*.docx *.txt *.md *.eml);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>commentaire</translation>
    </message>
    <message>
        <source>proposal</source>
        <translation>proposition</translation>
    </message>
    <message>
        <source>Letter recorded</source>
        <translation>Lettre enregistrée</translation>
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
        <source>&amp;Theme</source>
        <translation>&amp;Thème</translation>
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
        <translation>Enregistrer un projet nommé</translation>
    </message>
    <message>
        <source>Details of a named draft</source>
        <translation>Détails d&apos;un projet nommé</translation>
    </message>
    <message>
        <source>Name the plan as it stands now, for example before sending it out for consultation. Later you can see everything received since, and compare the text with it.</source>
        <translation>Donnez un nom au plan dans son état actuel, par exemple avant de l’envoyer en consultation. Vous pourrez ensuite voir tout ce qui a été reçu depuis et comparer le texte avec lui.</translation>
    </message>
    <message>
        <source>What the document printed from this draft says about itself. The text of the draft stays as it was marked.</source>
        <translation>Ce que le document imprimé à partir de ce projet dit de lui-même. Le texte du projet reste tel qu&apos;il a été marqué.</translation>
    </message>
    <message>
        <source>e.g. Consultation draft 2</source>
        <translation>p. ex. Projet de consultation 2</translation>
    </message>
    <message>
        <source>e.g. UNEP/CMS/COP11/Doc.15.2</source>
        <translation>p. ex. UNEP/CMS/COP11/Doc.15.2</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>Document &amp;symbol:</source>
        <translation>&amp;Cote du document :</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Date :</translation>
    </message>
    <message>
        <source>Document details</source>
        <translation>Détails du document</translation>
    </message>
    <message>
        <source>Printed on the first page</source>
        <translation>Imprimés sur la première page</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Générale</translation>
    </message>
    <message>
        <source>Limited</source>
        <translation>Limitée</translation>
    </message>
    <message>
        <source>Restricted</source>
        <translation>Restreinte</translation>
    </message>
    <message>
        <source>Distri&amp;bution:</source>
        <translation>Distri&amp;bution :</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Espagnol</translation>
    </message>
    <message>
        <source>&amp;Original language:</source>
        <translation>Langue &amp;originale :</translation>
    </message>
    <message>
        <source>Printed &amp;title:</source>
        <translation>&amp;Titre imprimé :</translation>
    </message>
    <message>
        <source>default: the plan&apos;s title</source>
        <translation>par défaut : le titre du plan</translation>
    </message>
    <message>
        <source>&amp;Meeting:</source>
        <translation>&amp;Réunion :</translation>
    </message>
    <message>
        <source>e.g. Meeting of the Conference of the Parties</source>
        <translation>p. ex. réunion de la Conférence des Parties</translation>
    </message>
    <message>
        <source>Meeting n&amp;umber:</source>
        <translation>N&amp;uméro de la réunion :</translation>
    </message>
    <message>
        <source>e.g. 11</source>
        <translation>p. ex. 11</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>&amp;Lieu :</translation>
    </message>
    <message>
        <source>e.g. Quito, Ecuador</source>
        <translation>p. ex. Quito (Équateur)</translation>
    </message>
    <message>
        <source>Meeting dat&amp;es:</source>
        <translation>Dat&amp;es de la réunion :</translation>
    </message>
    <message>
        <source>e.g. 4-9 November 2014</source>
        <translation>p. ex. 4-9 novembre 2014</translation>
    </message>
    <message>
        <source>&amp;Agenda item:</source>
        <translation>Point de l&apos;ordre du &amp;jour :</translation>
    </message>
    <message>
        <source>e.g. 15.2</source>
        <translation>p. ex. 15.2</translation>
    </message>
    <message>
        <source>Prepared b&amp;y:</source>
        <translation>Préparé &amp;par :</translation>
    </message>
    <message>
        <source>e.g. the Secretariat</source>
        <translation>p. ex. le Secrétariat</translation>
    </message>
    <message>
        <source>Send &amp;comments to:</source>
        <translation>Envoyer les &amp;observations à :</translation>
    </message>
    <message>
        <source>e.g. cms@cms.int</source>
        <translation>p. ex. cms@cms.int</translation>
    </message>
    <message>
        <source>Comments dead&amp;line:</source>
        <translation>Date &amp;limite des observations :</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>Available in:</source>
        <translation>Disponible en :</translation>
    </message>
    <message>
        <source>Meeting:</source>
        <translation>Réunion :</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>Lieu :</translation>
    </message>
    <message>
        <source>Meeting dates:</source>
        <translation>Dates de la réunion :</translation>
    </message>
    <message>
        <source>Printed title:</source>
        <translation>Titre imprimé :</translation>
    </message>
    <message>
        <source>Prepared by:</source>
        <translation>Préparé par :</translation>
    </message>
    <message>
        <source>Send comments to:</source>
        <translation>Envoyer les observations à :</translation>
    </message>
    <message>
        <source>In French</source>
        <translation>En français</translation>
    </message>
    <message>
        <source>In Spanish</source>
        <translation>En espagnol</translation>
    </message>
    <message>
        <source>In English</source>
        <translation>En anglais</translation>
    </message>
    <message>
        <source>A document in this language prints these; left empty, what is typed in the details.</source>
        <translation>Un document dans cette langue imprime ces textes ; laissés vides, ceux saisis dans les détails.</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>&amp;Save now</source>
        <translation>&amp;Enregistrer maintenant</translation>
    </message>
    <message>
        <source>Record what you typed at once (cmsdesk also saves by itself when you pause)</source>
        <translation>Enregistrer tout de suite ce que vous avez tapé (cmsdesk enregistre aussi de lui-même quand vous faites une pause)</translation>
    </message>
    <message>
        <source>&amp;Next target</source>
        <translation>Objectif &amp;suivant</translation>
    </message>
    <message>
        <source>&amp;Previous target</source>
        <translation>Objectif &amp;précédent</translation>
    </message>
    <message>
        <source>Next &amp;contested place</source>
        <translation>Point &amp;contesté suivant</translation>
    </message>
    <message>
        <source>Previous c&amp;ontested place</source>
        <translation>Point c&amp;ontesté précédent</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Aller</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Guide de l’utilisateur</translation>
    </message>
    <message>
        <source>Pre&amp;ferences…</source>
        <translation>Pré&amp;férences…</translation>
    </message>
    <message>
        <source>Saved. Everything you wrote is stored on this computer.</source>
        <translation>Enregistré. Tout ce que vous avez écrit est conservé sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Typing not saved yet</source>
        <translation>Saisie pas encore enregistrée</translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation>Toutes les modifications sont enregistrées</translation>
    </message>
    <message>
        <source>cmsdesk saves what you type when you pause or leave the field; Ctrl+S saves at once</source>
        <translation>cmsdesk enregistre ce que vous tapez quand vous faites une pause ou quittez le champ ; Ctrl+S enregistre tout de suite</translation>
    </message>
</context>
<context>
    <name>NewPlanDialog</name>
    <message>
        <source>New plan</source>
        <translation>Nouveau plan</translation>
    </message>
    <message>
        <source>A new plan is a different plan: bundles of the plan you work on now will not merge into it. Only the CMS Secretariat creates the plan that Parties draft together.</source>
        <translation>Un nouveau plan est un plan distinct : les paquets du plan sur lequel vous travaillez ne s’y fusionneront pas. Seul le Secrétariat de la CMS crée le plan que les Parties rédigent ensemble.</translation>
    </message>
    <message>
        <source>From the &amp;starter template (goals, targets and Aichi Biodiversity Targets cross-references)</source>
        <translation>À partir du &amp;modèle de départ (buts, objectifs et renvois aux Objectifs d’Aichi pour la biodiversité)</translation>
    </message>
    <message>
        <source>With an &amp;empty outline</source>
        <translation>Avec une structure &amp;vide</translation>
    </message>
    <message>
        <source>Title of the new plan</source>
        <translation>Titre du nouveau plan</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titre :</translation>
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
    <name>OpenPlanDialog</name>
    <message>
        <source>Open a plan</source>
        <translation>Ouvrir un plan</translation>
    </message>
    <message>
        <source>The plans held on this computer. To open a plan someone sent you, open its draft bundle.</source>
        <translation>Les plans présents sur cet ordinateur. Pour ouvrir un plan que l’on vous a envoyé, ouvrez son paquet.</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>Plans</translation>
    </message>
    <message>
        <source>%1 (open now)</source>
        <translation>%1 (ouvert)</translation>
    </message>
    <message>
        <source>Plan id %1</source>
        <translation>Identifiant du plan : %1</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>Open a draft &amp;bundle…</source>
        <translation>Ouvrir un &amp;paquet…</translation>
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
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Espagnol</translation>
    </message>
    <message>
        <source>%1, %2: needs an update, the original changed on %3</source>
        <translation>%1, %2 : à mettre à jour, l’original a changé le %3</translation>
    </message>
    <message>
        <source>%1, %2: not translated yet (the original has had text since %3)</source>
        <translation>%1, %2 : pas encore traduit (l’original a un texte depuis le %3)</translation>
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
    <name>PlanSwitcher</name>
    <message>
        <source>&amp;Open plan…</source>
        <translation>&amp;Ouvrir un plan…</translation>
    </message>
    <message>
        <source>Open another plan held on this computer, or the plan of a draft bundle</source>
        <translation>Ouvrir un autre plan présent sur cet ordinateur, ou le plan d’un paquet</translation>
    </message>
    <message>
        <source>&amp;New plan…</source>
        <translation>&amp;Nouveau plan…</translation>
    </message>
    <message>
        <source>Create a new plan (the Secretariat&apos;s task)</source>
        <translation>Créer un nouveau plan (tâche du Secrétariat)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Plans &amp;récents</translation>
    </message>
    <message>
        <source>No other plan opened recently</source>
        <translation>Aucun autre plan ouvert récemment</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>La langue du système</translation>
    </message>
    <message>
        <source>Used from the next start.</source>
        <translation>Appliquée au prochain démarrage.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Default export folder</source>
        <translation>Dossier d’exportation par défaut</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>&amp;Change…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>Interface &amp;language:</source>
        <translation>&amp;Langue de l’interface :</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Thème :</translation>
    </message>
    <message>
        <source>&amp;Record typing after a pause of:</source>
        <translation>&amp;Enregistrer la saisie après une pause de :</translation>
    </message>
    <message>
        <source>&amp;Export to the folder:</source>
        <translation>E&amp;xporter dans le dossier :</translation>
    </message>
    <message>
        <source>Editing as:</source>
        <translation>Vous éditez en tant que :</translation>
    </message>
    <message>
        <source>Shared store address</source>
        <translation>Adresse de la base partagée</translation>
    </message>
    <message>
        <source>Leave empty to work in the store on this computer. Used from the next start; the password is asked when needed and never stored.</source>
        <translation>Laissez vide pour travailler dans la base de cet ordinateur. Pris en compte au prochain démarrage ; le mot de passe est demandé au besoin et jamais enregistré.</translation>
    </message>
    <message>
        <source>Shared &amp;store:</source>
        <translation>&amp;Base partagée :</translation>
    </message>
    <message>
        <source>Leave the password out of the address: cmsdesk asks for it when the server wants it, and never stores it.</source>
        <translation>N&apos;incluez pas le mot de passe dans l&apos;adresse : cmsdesk le demande quand le serveur l&apos;exige, et ne l&apos;enregistre jamais.</translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation>Dossier d’exportation</translation>
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
        <source>Party or organisation</source>
        <translation>Partie ou organisation</translation>
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
    <message>
        <source>Not in the list of Parties: recorded as an organisation (observer).</source>
        <translation>Absent de la liste des Parties : enregistré comme organisation (observateur).</translation>
    </message>
    <message>
        <source>Party to CMS</source>
        <translation>Partie à la CMS</translation>
    </message>
    <message>
        <source>Observer State (not a Party to CMS)</source>
        <translation>État observateur (non Partie à la CMS)</translation>
    </message>
    <message>
        <source>Organisation (observer)</source>
        <translation>Organisation (observateur)</translation>
    </message>
</context>
<context>
    <name>ReplyDialog</name>
    <message>
        <source>Import a Word reply</source>
        <translation>Importer une réponse Word</translation>
    </message>
</context>
<context>
    <name>ReplyImport</name>
    <message>
        <source>Import a &amp;Word reply…</source>
        <translation>Importer une réponse &amp;Word…</translation>
    </message>
    <message>
        <source>A Party&apos;s edited consultation copy: its edits become the Party&apos;s proposals</source>
        <translation>La copie de consultation modifiée par une Partie : ses modifications deviennent les propositions de la Partie</translation>
    </message>
    <message>
        <source>Record a &amp;letter or e-mail…</source>
        <translation>Enregistrer une &amp;lettre ou un courriel…</translation>
    </message>
    <message>
        <source>Import a Word reply</source>
        <translation>Importer une réponse Word</translation>
    </message>
    <message>
        <source>Word documents (*.docx);;All files (*)</source>
        <translation>Documents Word (*.docx);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>{0}

Record it as a letter instead?</source>
        <translation>{0}

L&apos;enregistrer plutôt comme une lettre ?</translation>
    </message>
    <message>
        <source>Word reply imported</source>
        <translation>Réponse Word importée</translation>
    </message>
</context>
<context>
    <name>ResolveView</name>
    <message>
        <source>Contested fields</source>
        <translation>Champs contestés</translation>
    </message>
    <message>
        <source>First the text all proposals share; then each option, with what it changes in that text marked.</source>
        <translation>D’abord le texte commun à toutes les propositions ; puis chaque option, avec ce qu’elle change dans ce texte.</translation>
    </message>
    <message>
        <source>Combined text</source>
        <translation>Texte combiné</translation>
    </message>
    <message>
        <source>Write the text everyone can accept</source>
        <translation>Rédigez un texte que tous peuvent accepter</translation>
    </message>
    <message>
        <source>&amp;Save the combined text</source>
        <translation>&amp;Enregistrer le texte combiné</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>&lt;b&gt;Combined text&lt;/b&gt; — start from the options and edit them into one text:</source>
        <translation>&lt;b&gt;Texte combiné&lt;/b&gt; — partez des options et fondez-les en un seul texte :</translation>
    </message>
    <message>
        <source>&amp;Keep as bracketed options</source>
        <translation>&amp;Garder comme options entre crochets</translation>
    </message>
    <message>
        <source>Settle the field with the [Option 1 (...): ...] [Option 2 (...): ...] form: the negotiation goes on in the text itself</source>
        <translation>Trancher le champ sous la forme [Option 1 (...) : ...] [Option 2 (...) : ...] : la négociation se poursuit dans le texte lui-même</translation>
    </message>
    <message>
        <source>&amp;Edit a combined text…</source>
        <translation>&amp;Rédiger un texte combiné…</translation>
    </message>
    <message>
        <source>&amp;Leave for later</source>
        <translation>&amp;Laisser pour plus tard</translation>
    </message>
    <message>
        <source>Go to the next contested field; this one stays contested</source>
        <translation>Aller au prochain champ contesté ; celui-ci reste contesté</translation>
    </message>
    <message>
        <source>added to the common text</source>
        <translation>ajouté au texte commun</translation>
    </message>
    <message>
        <source>taken out of it</source>
        <translation>retiré du texte commun</translation>
    </message>
    <message>
        <source>%1 (%2 proposals)</source>
        <translation>%1 (%2 propositions)</translation>
    </message>
    <message>
        <source>%1 — later</source>
        <translation>%1 — plus tard</translation>
    </message>
    <message>
        <source>1 contested field</source>
        <translation>1 champ contesté</translation>
    </message>
    <message>
        <source>%1 contested fields</source>
        <translation>%1 champs contestés</translation>
    </message>
    <message>
        <source>&lt;b&gt;No conflicts.&lt;/b&gt; Every field has one agreed value.</source>
        <translation>&lt;b&gt;Aucun conflit.&lt;/b&gt; Chaque champ a une seule valeur convenue.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Common text&lt;/b&gt;</source>
        <translation>&lt;b&gt;Texte commun&lt;/b&gt;</translation>
    </message>
    <message>
        <source>The parts every proposal shares, with the wording the proposals started from where they differ</source>
        <translation>Les parties communes à toutes les propositions, avec le libellé de départ là où elles divergent</translation>
    </message>
    <message>
        <source>Regional position</source>
        <translation>Position régionale</translation>
    </message>
    <message>
        <source>The region whose position it is:</source>
        <translation>La région dont c&apos;est la position :</translation>
    </message>
    <message>
        <source>The regional meeting that agreed it:</source>
        <translation>La réunion régionale qui l&apos;a adoptée :</translation>
    </message>
    <message>
        <source>Settle %1</source>
        <translation>Trancher %1</translation>
    </message>
    <message>
        <source>The combined text is empty: write the text, or choose one of the options.</source>
        <translation>Le texte combiné est vide : rédigez le texte ou choisissez l’une des options.</translation>
    </message>
</context>
<context>
    <name>ReviewPanels</name>
    <message>
        <source>Review</source>
        <translation>Examen</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Named drafts</source>
        <translation>Projets nommés</translation>
    </message>
    <message>
        <source>&amp;Review changes received</source>
        <translation>E&amp;xaminer les modifications reçues</translation>
    </message>
    <message>
        <source>What each Party proposed since a named draft</source>
        <translation>Ce que chaque Partie a proposé depuis un projet nommé</translation>
    </message>
    <message>
        <source>Resolve &amp;conflicts</source>
        <translation>Résoudre les &amp;conflits</translation>
    </message>
    <message>
        <source>&amp;History of this field</source>
        <translation>&amp;Historique de ce champ</translation>
    </message>
    <message>
        <source>&amp;Named drafts</source>
        <translation>Projets &amp;nommés</translation>
    </message>
    <message>
        <source>&amp;Keys and Parties…</source>
        <translation>&amp;Clés et Parties…</translation>
    </message>
    <message>
        <source>Which Party each signing key speaks for, and the quarantine</source>
        <translation>Au nom de quelle Partie parle chaque clé de signature, et la quarantaine</translation>
    </message>
    <message>
        <source>&amp;Mark a named draft…</source>
        <translation>&amp;Enregistrer un projet nommé…</translation>
    </message>
    <message>
        <source>&amp;Export bundle…</source>
        <translation>&amp;Exporter un paquet…</translation>
    </message>
    <message>
        <source>Write a bundle (.cmsb) for a Party or for everyone</source>
        <translation>Écrire un paquet (.cmsb) pour une Partie ou pour tous</translation>
    </message>
    <message>
        <source>Export to &amp;Word…</source>
        <translation>Exporter vers &amp;Word…</translation>
    </message>
    <message>
        <source>Export compilation of &amp;comments…</source>
        <translation>Exporter la compilation des &amp;commentaires…</translation>
    </message>
    <message>
        <source>Export &amp;Markdown…</source>
        <translation>Exporter en &amp;Markdown…</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>E&amp;xamen</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <source>Changes since</source>
        <translation>Modifications depuis</translation>
    </message>
    <message>
        <source>Changes since the day</source>
        <translation>Modifications depuis le jour</translation>
    </message>
    <message>
        <source>Only not yet reviewed</source>
        <translation>Seulement celles non examinées</translation>
    </message>
    <message>
        <source>Include my own changes</source>
        <translation>Inclure mes propres modifications</translation>
    </message>
    <message>
        <source>Changes received</source>
        <translation>Modifications reçues</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Modification</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>Partie</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>The change, compared</source>
        <translation>La modification, comparée</translation>
    </message>
    <message>
        <source>&amp;Mark reviewed</source>
        <translation>&amp;Marquer comme examinée</translation>
    </message>
    <message>
        <source>Mark &amp;not reviewed</source>
        <translation>Marquer comme &amp;non examinée</translation>
    </message>
    <message>
        <source>Re&amp;vert this change…</source>
        <translation>A&amp;nnuler cette modification…</translation>
    </message>
    <message>
        <source>Record a new version with the text the field had before this change; it travels in your next bundle like any edit</source>
        <translation>Enregistrer une nouvelle version avec le texte que le champ avait avant cette modification ; elle partira dans votre prochain paquet comme toute modification</translation>
    </message>
    <message>
        <source>Show in the &amp;editor</source>
        <translation>Afficher dans l’é&amp;diteur</translation>
    </message>
    <message>
        <source>Changes since:</source>
        <translation>Modifications depuis :</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>Région :</translation>
    </message>
    <message>
        <source>Party:</source>
        <translation>Partie :</translation>
    </message>
    <message>
        <source>Node:</source>
        <translation>Élément :</translation>
    </message>
    <message>
        <source>inserted</source>
        <translation>inséré</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>supprimé</translation>
    </message>
    <message>
        <source>the first version of the plan</source>
        <translation>la première version du plan</translation>
    </message>
    <message>
        <source>a day…</source>
        <translation>un jour…</translation>
    </message>
    <message>
        <source>the plan before %1</source>
        <translation>le plan avant le %1</translation>
    </message>
    <message>
        <source>%1 change(s) from %2 Party(ies) since %3; %4 not yet reviewed.</source>
        <translation>%1 modification(s) de %2 Partie(s) depuis %3 ; %4 non encore examinée(s).</translation>
    </message>
    <message>
        <source>%1 change(s) held in quarantine, out of the plan (Keys and Parties…: accept or reject them). Why: %2.</source>
        <translation>%1 modification(s) en quarantaine, hors du plan (Clés et Parties… : les accepter ou les rejeter). Motif : %2.</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>Toutes les régions</translation>
    </message>
    <message>
        <source>All Parties</source>
        <translation>Toutes les Parties</translation>
    </message>
    <message>
        <source>The whole plan</source>
        <translation>Le plan entier</translation>
    </message>
    <message>
        <source>%1 — %2 change(s)</source>
        <translation>%1 — %2 modification(s)</translation>
    </message>
    <message>
        <source>The plan: %1</source>
        <translation>Le plan : %1</translation>
    </message>
    <message>
        <source>%1 (in the Trash)</source>
        <translation>%1 (dans la corbeille)</translation>
    </message>
    <message>
        <source>%1
By %2. Tick when reviewed.</source>
        <translation>%1
Par %2. Cochez une fois examinée.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Select a change, a field or a node to see what was proposed, compared with %1.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Sélectionnez une modification, un champ ou un élément pour voir ce qui a été proposé, par rapport à %1.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Revert this change?</source>
        <translation>Annuler cette modification ?</translation>
    </message>
    <message>
        <source>Record a new version of the %1 of %2 without %3&apos;s change? It travels in your next bundle like any other edit, and Undo takes it back.</source>
        <translation>Enregistrer une nouvelle version du champ « %1 » de %2 sans la modification de %3 ? Elle partira dans votre prochain paquet comme toute autre modification, et Annuler la reprend.</translation>
    </message>
    <message>
        <source>Revert %1&apos;s change to the %2 of %3</source>
        <translation>Annuler la modification de %1 au champ « %2 » de %3</translation>
    </message>
</context>
<context>
    <name>SafeTextBrowser</name>
    <message>
        <source>Link not opened</source>
        <translation>Lien non ouvert</translation>
    </message>
    <message>
        <source>cmsdesk opens only web addresses (http or https). This link was not opened:
{address}</source>
        <translation>cmsdesk n’ouvre que les adresses web (http ou https). Ce lien n’a pas été ouvert :
{address}</translation>
    </message>
    <message>
        <source>Open web address</source>
        <translation>Ouvrir l’adresse web</translation>
    </message>
    <message>
        <source>Open this address in your web browser?
{address}</source>
        <translation>Ouvrir cette adresse dans votre navigateur web ?
{address}</translation>
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
    <name>SenderFields</name>
    <message>
        <source>e.g. Côte d&apos;Ivoire</source>
        <translation>p. ex. Côte d&apos;Ivoire</translation>
    </message>
    <message>
        <source>&amp;Party:</source>
        <translation>&amp;Partie :</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>&amp;Région :</translation>
    </message>
    <message>
        <source>Received &amp;on:</source>
        <translation>Reçu &amp;le :</translation>
    </message>
</context>
<context>
    <name>ServerWatch</name>
    <message>
        <source>The connection to the shared store was lost: other officers&apos; changes will show after a restart.</source>
        <translation>La connexion à la base partagée a été perdue : les modifications des autres agents s&apos;afficheront après un redémarrage.</translation>
    </message>
    <message>
        <source>Updated with other officers&apos; changes.</source>
        <translation>Mis à jour avec les modifications des autres agents.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
</context>
<context>
    <name>StartDialog</name>
    <message>
        <source>Welcome to cmsdesk</source>
        <translation>Bienvenue dans cmsdesk</translation>
    </message>
    <message>
        <source>&lt;b&gt;Where does your plan come from?&lt;/b&gt; The CMS Secretariat prepares the draft of the Strategic Plan and sends it to the Parties as a draft bundle (a .cmsb file, usually by e-mail). Delegates and focal points open that file.</source>
        <translation>&lt;b&gt;D’où vient votre plan ?&lt;/b&gt; Le Secrétariat de la CMS prépare le projet de Plan stratégique et l’envoie aux Parties sous forme de paquet (un fichier .cmsb, généralement par courriel). Les délégués et les correspondants nationaux ouvrent ce fichier.</translation>
    </message>
    <message>
        <source>I am a delegate or a national or regional focal point</source>
        <translation>Je suis délégué ou correspondant national ou régional</translation>
    </message>
    <message>
        <source>Open the &amp;draft bundle I received…</source>
        <translation>Ouvrir le &amp;paquet que j’ai reçu…</translation>
    </message>
    <message>
        <source>Choose the .cmsb file the Secretariat or your focal point sent you. Your proposals and comments are added to that draft, and you send them back as a bundle.</source>
        <translation>Choisissez le fichier .cmsb que le Secrétariat ou votre correspondant vous a envoyé. Vos propositions et commentaires s’ajoutent à ce projet, et vous les renvoyez sous forme de paquet.</translation>
    </message>
    <message>
        <source>I have &amp;not received a draft yet</source>
        <translation>Je n’ai &amp;pas encore reçu de projet</translation>
    </message>
    <message>
        <source>cmsdesk opens empty and says where the draft will come from. When the file arrives, drop it on the window or use File &gt; Open a draft bundle.</source>
        <translation>cmsdesk s’ouvre vide et indique d’où viendra le projet. Quand le fichier arrive, déposez-le sur la fenêtre ou utilisez Fichier &gt; Ouvrir un paquet.</translation>
    </message>
    <message>
        <source>I work for the CMS Secretariat</source>
        <translation>Je travaille pour le Secrétariat de la CMS</translation>
    </message>
    <message>
        <source>Create a new plan from the &amp;starter template</source>
        <translation>Créer un nouveau plan à partir du &amp;modèle de départ</translation>
    </message>
    <message>
        <source>A new plan with the structure of the Strategic Plan for Migratory Species (goals, targets and Aichi Biodiversity Targets cross-references). Only the Secretariat does this: bundles sent for any other plan will not merge into it.</source>
        <translation>Un nouveau plan avec la structure du Plan stratégique pour les espèces migratrices (buts, objectifs et renvois aux Objectifs d’Aichi pour la biodiversité). Seul le Secrétariat fait cela : les paquets envoyés pour tout autre plan ne s’y fusionneront pas.</translation>
    </message>
    <message>
        <source>Create a new &amp;empty plan</source>
        <translation>Créer un nouveau plan &amp;vide</translation>
    </message>
    <message>
        <source>A new plan with a title and an empty outline, to be built from scratch. Also for the Secretariat only.</source>
        <translation>Un nouveau plan avec un titre et une structure vide, à construire de zéro. Également réservé au Secrétariat.</translation>
    </message>
    <message>
        <source>Create the plan from a &amp;file…</source>
        <translation>Créer le plan à partir d&apos;un &amp;fichier…</translation>
    </message>
    <message>
        <source>A plan that exists as a Word draft, a Markdown outline or a JSON file: its chapters, goals, targets and cross-references become the new plan.</source>
        <translation>Un plan qui existe comme projet Word, plan Markdown ou fichier JSON : ses chapitres, buts, objectifs et renvois deviennent le nouveau plan.</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Continuer</translation>
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
    <name>TranslationStatusDialog</name>
    <message>
        <source>Translation status</source>
        <translation>État des traductions</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Élément</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Langue :</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>manquant</translation>
    </message>
    <message>
        <source>needs an update</source>
        <translation>à mettre à jour</translation>
    </message>
    <message>
        <source>proposal, not yet in the original</source>
        <translation>proposition, pas encore dans l&apos;original</translation>
    </message>
    <message>
        <source>%1 missing, %2 to update, %3 proposals</source>
        <translation>%1 manquant(s), %2 à mettre à jour, %3 proposition(s)</translation>
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
    <name>WaitingWindow</name>
    <message>
        <source>No draft yet — cmsdesk</source>
        <translation>Pas encore de projet — cmsdesk</translation>
    </message>
    <message>
        <source>No draft yet</source>
        <translation>Pas encore de projet</translation>
    </message>
    <message>
        <source>The CMS Secretariat, or your national or regional focal point, sends the draft of the Strategic Plan as a &lt;b&gt;draft bundle&lt;/b&gt;: a file whose name ends in &lt;b&gt;.cmsb&lt;/b&gt;, usually attached to an e-mail.&lt;br&gt;&lt;br&gt;When it arrives, save the attachment, then drop the file on this window or click the button below. Everything you then write stays on this computer until you send it back as a bundle.</source>
        <translation>Le Secrétariat de la CMS, ou votre correspondant national ou régional, envoie le projet de Plan stratégique sous forme de &lt;b&gt;paquet&lt;/b&gt; : un fichier dont le nom se termine par &lt;b&gt;.cmsb&lt;/b&gt;, généralement joint à un courriel.&lt;br&gt;&lt;br&gt;Quand il arrive, enregistrez la pièce jointe, puis déposez le fichier sur cette fenêtre ou cliquez sur le bouton ci-dessous. Tout ce que vous écrirez ensuite reste sur cet ordinateur jusqu’à ce que vous le renvoyiez sous forme de paquet.</translation>
    </message>
    <message>
        <source>&amp;Open the draft bundle…</source>
        <translation>&amp;Ouvrir le paquet…</translation>
    </message>
    <message>
        <source>Working for the CMS Secretariat? Create the plan with File &gt; New plan…</source>
        <translation>Vous travaillez pour le Secrétariat de la CMS ? Créez le plan avec Fichier &gt; Nouveau plan…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Open a draft bundle…</source>
        <translation>&amp;Ouvrir un paquet…</translation>
    </message>
    <message>
        <source>&amp;New plan…</source>
        <translation>&amp;Nouveau plan…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
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
        <source>cmsdesk is already open</source>
        <translation>cmsdesk est déjà ouvert</translation>
    </message>
    <message>
        <source>Password for the shared store</source>
        <translation>Mot de passe de la base partagée</translation>
    </message>
    <message>
        <source>cmsdesk is already open in another window. Switch to that window, or close it and start cmsdesk again.</source>
        <translation>cmsdesk est déjà ouvert dans une autre fenêtre. Passez à cette fenêtre, ou fermez-la et relancez cmsdesk.</translation>
    </message>
    <message>
        <source>cmsdesk is already open (by %1 on %2, since %3). Switch to that window, or close it and start cmsdesk again.</source>
        <translation>cmsdesk est déjà ouvert (par %1 sur %2, depuis %3). Passez à cette fenêtre, ou fermez-la et relancez cmsdesk.</translation>
    </message>
    <message>
        <source>cmsdesk was not closed properly</source>
        <translation>cmsdesk n’a pas été fermé correctement</translation>
    </message>
    <message>
        <source>cmsdesk was not closed properly last time (the computer may have stopped, or the program crashed). Your work up to the last save is safe. Continue?</source>
        <translation>cmsdesk n’a pas été fermé correctement la dernière fois (l’ordinateur s’est peut-être arrêté, ou le programme a planté). Votre travail jusqu’au dernier enregistrement est en sécurité. Continuer ?</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Continuer</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
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
        <translation>%1 octets</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 Ko</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 Mo</translation>
    </message>
    <message>
        <source>A full draft: the whole plan as it stands here (%1 changes). Anyone can import it, even someone who holds nothing yet: use it to send a new draft to everyone.</source>
        <translation>Un projet complet : le plan entier tel qu’il est ici (%1 modifications). Tout le monde peut l’importer, même quelqu’un qui n’a encore rien : utilisez-le pour envoyer un nouveau projet à tous.</translation>
    </message>
    <message>
        <source>A full draft: nothing is known yet of what %1 holds, so the file carries the whole plan (%2 changes). %1 can import it in any case.</source>
        <translation>Un projet complet : on ne sait pas encore ce que %1 possède, le fichier contient donc le plan entier (%2 modifications). %1 peut l’importer dans tous les cas.</translation>
    </message>
    <message>
        <source>%1 is known to hold everything already: the file would carry no change.</source>
        <translation>%1 possède déjà tout : le fichier ne contiendrait aucune modification.</translation>
    </message>
    <message>
        <source>Only what %1 lacks: %2 change(s) made or received here since the last bundle exchanged with %1. %1 must hold the earlier drafts; if in doubt, choose Everyone to send the whole plan.</source>
        <translation>Seulement ce qui manque à %1 : %2 modification(s) faite(s) ou reçue(s) ici depuis le dernier paquet échangé avec %1. %1 doit posséder les projets précédents ; en cas de doute, choisissez Tous pour envoyer le plan entier.</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Documents Word (*.docx)</translation>
    </message>
    <message>
        <source>Markdown files (*.md)</source>
        <translation>Fichiers Markdown (*.md)</translation>
    </message>
    <message>
        <source>Export cancelled: nothing was written.</source>
        <translation>Export annulé : rien n’a été écrit.</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1 écrit</translation>
    </message>
    <message>
        <source>Wrote the consultation copy %1: %2 text(s) can be traced back from a Party&apos;s reply</source>
        <translation>Copie pour consultation %1 écrite : %2 texte(s) retrouvable(s) à partir de la réponse d&apos;une Partie</translation>
    </message>
    <message>
        <source>(%1 text(s) not yet translated: printed in the original, not traced)</source>
        <translation>(%1 texte(s) pas encore traduit(s) : imprimé(s) dans la langue originale, non retrouvable(s))</translation>
    </message>
    <message>
        <source>(%1 text(s) not yet translated: printed in the original, marked)</source>
        <translation>(%1 texte(s) pas encore traduit(s) : imprimé(s) dans l&apos;original, signalé(s))</translation>
    </message>
</context>
<context>
    <name>faults</name>
    <message>
        <source>There is no space left on the disk that holds the plan, so the last change was not saved. Free some space (empty the wastebasket, move large files elsewhere), then make the change again. Everything saved before is safe.</source>
        <translation>Il n&apos;y a plus d&apos;espace sur le disque qui contient le plan : la dernière modification n&apos;a donc pas été enregistrée. Libérez de l&apos;espace (videz la corbeille, déplacez de gros fichiers ailleurs), puis refaites la modification. Tout ce qui a été enregistré auparavant est en sécurité.</translation>
    </message>
    <message>
        <source>The plan&apos;s store cannot be written: the file, its folder or the disk is read-only. The last change was not saved. Make the file writable, or copy it to a folder you can write to and open it there. Everything saved before is safe.</source>
        <translation>Le fichier du plan ne peut pas être modifié : le fichier, son dossier ou le disque est en lecture seule. La dernière modification n&apos;a pas été enregistrée. Rendez le fichier modifiable, ou copiez-le dans un dossier où vous pouvez écrire et ouvrez-le là. Tout ce qui a été enregistré auparavant est en sécurité.</translation>
    </message>
    <message>
        <source>The plan&apos;s store is busy: another cmsdesk or another program kept it locked for too long, so the last change was not saved. Close the other program, then make the change again. Everything saved before is safe.</source>
        <translation>Le fichier du plan est occupé : un autre cmsdesk ou un autre programme l&apos;a bloqué trop longtemps, et la dernière modification n&apos;a donc pas été enregistrée. Fermez l&apos;autre programme, puis refaites la modification. Tout ce qui a été enregistré auparavant est en sécurité.</translation>
    </message>
    <message>
        <source>The plan&apos;s store is damaged (some of its pages cannot be read), so the last change was not saved. Quit cmsdesk and start it again: it offers to restore the latest good backup. The damaged file is kept.</source>
        <translation>Le fichier du plan est endommagé (certaines de ses pages sont illisibles) : la dernière modification n&apos;a donc pas été enregistrée. Quittez cmsdesk et relancez-le : il proposera de restaurer la dernière copie de sauvegarde intacte. Le fichier endommagé est conservé.</translation>
    </message>
    <message>
        <source>The plan&apos;s store is no longer a database cmsdesk can read (it was overwritten?). The last change was not saved. Quit cmsdesk and start it again: it offers to restore the latest good backup.</source>
        <translation>Le fichier du plan n&apos;est plus une base de données que cmsdesk peut lire (a-t-il été écrasé ?). La dernière modification n&apos;a pas été enregistrée. Quittez cmsdesk et relancez-le : il proposera de restaurer la dernière copie de sauvegarde intacte.</translation>
    </message>
    <message>
        <source>The disk that holds the plan reported an error, so the last change was not saved. Check the disk (is it still connected?), then make the change again.</source>
        <translation>Le disque qui contient le plan a signalé une erreur : la dernière modification n&apos;a donc pas été enregistrée. Vérifiez le disque (est-il toujours branché ?), puis refaites la modification.</translation>
    </message>
    <message>
        <source>The details were written to %1: please send that file with a report of what you were doing.</source>
        <translation>Les détails ont été écrits dans %1 : veuillez envoyer ce fichier avec une description de ce que vous faisiez.</translation>
    </message>
    <message>
        <source>The details could not be written to a log file.</source>
        <translation>Les détails n&apos;ont pas pu être écrits dans un fichier journal.</translation>
    </message>
    <message>
        <source>cmsdesk ran into an error it did not expect. What you were doing was not saved; everything saved before is safe, and you can go on working.</source>
        <translation>cmsdesk a rencontré une erreur inattendue. Ce que vous faisiez n&apos;a pas été enregistré ; tout ce qui a été enregistré auparavant est en sécurité, et vous pouvez continuer à travailler.</translation>
    </message>
    <message>
        <source>cmsdesk</source>
        <translation>cmsdesk</translation>
    </message>
    <message>
        <source>The store is busy (another cmsdesk is writing); waiting…</source>
        <translation>Le fichier du plan est occupé (un autre cmsdesk est en train d&apos;écrire) ; attente…</translation>
    </message>
    <message>
        <source>The plan&apos;s store is damaged</source>
        <translation>Le fichier du plan est endommagé</translation>
    </message>
    <message>
        <source>The plan&apos;s store %1 is damaged (some of its pages cannot be read) and there is no good backup of it. It was not changed. Start cmsdesk with a new store and open the plan&apos;s bundles in it, or ask for the plan&apos;s bundle again.</source>
        <translation>Le fichier du plan %1 est endommagé (certaines de ses pages sont illisibles) et il n&apos;en existe aucune copie de sauvegarde intacte. Il n&apos;a pas été modifié. Démarrez cmsdesk avec un nouveau fichier et ouvrez-y les paquets du plan, ou demandez à nouveau le paquet du plan.</translation>
    </message>
    <message>
        <source>The plan&apos;s store %1 is damaged (some of its pages cannot be read), so cmsdesk did not open it. Its latest good backup was made on %2 (UTC), before an import or a restore: work done after it would have to be redone or imported again. The damaged file is kept beside it, renamed.</source>
        <translation>Le fichier du plan %1 est endommagé (certaines de ses pages sont illisibles) : cmsdesk ne l&apos;a donc pas ouvert. Sa dernière copie de sauvegarde intacte date du %2 (UTC), avant une importation ou une restauration : le travail fait depuis devra être refait ou importé à nouveau. Le fichier endommagé est conservé à côté, renommé.</translation>
    </message>
    <message>
        <source>&amp;Restore the backup</source>
        <translation>&amp;Restaurer la copie de sauvegarde</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Close without saving?</source>
        <translation>Fermer sans enregistrer ?</translation>
    </message>
    <message>
        <source>%1 text(s) you typed could not be saved: the store could not be written (see the message before). Close anyway and lose them, or cancel, free some space on the disk and leave the field to save them?</source>
        <translation>%1 texte(s) saisi(s) n’ont pas pu être enregistrés : la base n’a pas pu être écrite (voir le message précédent). Fermer quand même et les perdre, ou annuler, libérer de la place sur le disque et quitter le champ pour les enregistrer ?</translation>
    </message>
</context>
<context>
    <name>history</name>
    <message>
        <source>edit</source>
        <translation>modification</translation>
    </message>
    <message>
        <source>settlement</source>
        <translation>règlement</translation>
    </message>
    <message>
        <source>created</source>
        <translation>création</translation>
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
        <source>Africa</source>
        <translation>Afrique</translation>
    </message>
    <message>
        <source>Asia</source>
        <translation>Asie</translation>
    </message>
    <message>
        <source>Central and South America and the Caribbean</source>
        <translation>Amérique centrale et du Sud et Caraïbes</translation>
    </message>
    <message>
        <source>Europe</source>
        <translation>Europe</translation>
    </message>
    <message>
        <source>North America</source>
        <translation>Amérique du Nord</translation>
    </message>
    <message>
        <source>Oceania</source>
        <translation>Océanie</translation>
    </message>
    <message>
        <source>this installation</source>
        <translation>cette installation</translation>
    </message>
    <message>
        <source>pinned key</source>
        <translation>clé épinglée</translation>
    </message>
    <message>
        <source>known key</source>
        <translation>clé connue</translation>
    </message>
    <message>
        <source>new key</source>
        <translation>clé jamais vue</translation>
    </message>
    <message>
        <source>unsigned</source>
        <translation>non signé</translation>
    </message>
    <message>
        <source>recorded by the Secretariat from the Party&apos;s reply</source>
        <translation>enregistré par le Secrétariat d&apos;après la réponse de la Partie</translation>
    </message>
    <message>
        <source>(no Party named)</source>
        <translation>(aucune Partie nommée)</translation>
    </message>
    <message>
        <source>it claims to speak for %1, whose registered key is %2, with a key that is not registered</source>
        <translation>elle se réclame de la Partie %1, dont la clé enregistrée est %2, avec une clé qui n&apos;est pas enregistrée</translation>
    </message>
    <message>
        <source>it claims to speak for %1, but its key (%2) is registered for %3</source>
        <translation>elle se réclame de la Partie %1, mais sa clé (%2) est enregistrée pour la Partie %3</translation>
    </message>
    <message>
        <source>Word reply</source>
        <translation>réponse Word</translation>
    </message>
    <message>
        <source>letter</source>
        <translation>lettre</translation>
    </message>
    <message>
        <source>it claims to be recorded from the %1 of %2, but its key (%3) is registered for %4: only the Secretariat records for a Party</source>
        <comment>%1: Word reply or letter; %2, %4: Parties</comment>
        <translation>elle se dit enregistrée d&apos;après la %1 de la Partie %2, mais sa clé (%3) est enregistrée pour la Partie %4 : seul le Secrétariat enregistre pour une Partie</translation>
    </message>
    <message>
        <source>it claims to be recorded from the %1 of %2 by this installation, but it is signed with another key (%3) than this installation&apos;s (%4)</source>
        <comment>%1: Word reply or letter</comment>
        <translation>elle se dit enregistrée d&apos;après la %1 de la Partie %2 par cette installation, mais elle est signée avec une autre clé (%3) que celle de cette installation (%4)</translation>
    </message>
    <message>
        <source>it claims to be recorded from the %1 of %2 by the Secretariat, but it is signed with another key (%3) than the Secretariat&apos;s (%4)</source>
        <comment>%1: Word reply or letter</comment>
        <translation>elle se dit enregistrée d&apos;après la %1 de la Partie %2 par le Secrétariat, mais elle est signée avec une autre clé (%3) que celle du Secrétariat (%4)</translation>
    </message>
    <message>
        <source>it builds on a change held in quarantine</source>
        <translation>elle s&apos;appuie sur une modification retenue en quarantaine</translation>
    </message>
    <message>
        <source>delegate</source>
        <translation>délégué</translation>
    </message>
    <message>
        <source>focal point</source>
        <translation>correspondant</translation>
    </message>
    <message>
        <source>Secretariat</source>
        <translation>Secrétariat</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <source>Aichi Biodiversity Targets</source>
        <translation>Objectifs d’Aichi pour la biodiversité</translation>
    </message>
    <message>
        <source>Kunming-Montreal Global Biodiversity Framework</source>
        <translation>Cadre mondial de la biodiversité de Kunming-Montréal</translation>
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
    <name>plan_from_file</name>
    <message>
        <source>New plan from a file</source>
        <translation>Nouveau plan à partir d&apos;un fichier</translation>
    </message>
    <message>
        <source>Plans (*.md *.markdown *.json *.docx);;All files (*)</source>
        <translation>Plans (*.md *.markdown *.json *.docx);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>No plan was created</source>
        <translation>Aucun plan n&apos;a été créé</translation>
    </message>
    <message>
        <source>New plan from a &amp;file…</source>
        <translation>Nouveau plan à partir d&apos;un &amp;fichier…</translation>
    </message>
    <message>
        <source>A plan written as a Markdown outline, a JSON file or a Word draft</source>
        <translation>Un plan rédigé comme plan Markdown, fichier JSON ou projet Word</translation>
    </message>
</context>
<context>
    <name>plans</name>
    <message>
        <source>New plan</source>
        <translation>Nouveau plan</translation>
    </message>
    <message>
        <source>Title of the new plan:</source>
        <translation>Titre du nouveau plan :</translation>
    </message>
    <message>
        <source>Importing the bundle</source>
        <translation>Importation du paquet</translation>
    </message>
    <message>
        <source>The bundle was not imported</source>
        <translation>Le paquet n’a pas été importé</translation>
    </message>
    <message>
        <source>%1 was not imported: %2</source>
        <translation>%1 n’a pas été importé : %2</translation>
    </message>
    <message>
        <source>Open a draft bundle</source>
        <translation>Ouvrir un paquet</translation>
    </message>
    <message>
        <source>cmsdesk bundles (*.cmsb);;All files (*)</source>
        <translation>Paquets cmsdesk (*.cmsb);;Tous les fichiers (*)</translation>
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
    <name>rendering</name>
    <message>
        <source>(image: {alt})</source>
        <translation>(image : {alt})</translation>
    </message>
</context>
<context>
    <name>resolve</name>
    <message>
        <source>&lt;b&gt;Option %1&lt;/b&gt; — position of &lt;b&gt;%2&lt;/b&gt;, proposed by &lt;b&gt;%3&lt;/b&gt;</source>
        <translation>&lt;b&gt;Option %1&lt;/b&gt; — position de &lt;b&gt;%2&lt;/b&gt;, proposée par &lt;b&gt;%3&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Option %1&lt;/b&gt; — proposed by &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>&lt;b&gt;Option %1&lt;/b&gt; — proposée par &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Move it, with what it holds, to the Trash</source>
        <translation>Le mettre à la corbeille, avec son contenu</translation>
    </message>
    <message>
        <source>Keep it in the plan</source>
        <translation>Le garder dans le plan</translation>
    </message>
</context>
<context>
    <name>review</name>
    <message>
        <source>Cross-references</source>
        <translation>Renvois</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Commentaires</translation>
    </message>
    <message>
        <source>Place in the outline</source>
        <translation>Place dans le plan</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Corbeille</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Statut : %1</translation>
    </message>
    <message>
        <source>Proposed wording</source>
        <translation>Libellé proposé</translation>
    </message>
    <message>
        <source>Settled a conflict</source>
        <translation>A tranché un conflit</translation>
    </message>
    <message>
        <source>Added it</source>
        <translation>L’a ajouté</translation>
    </message>
    <message>
        <source>Moved it</source>
        <translation>L’a déplacé</translation>
    </message>
    <message>
        <source>Moved it to the Trash</source>
        <translation>L’a mis à la corbeille</translation>
    </message>
    <message>
        <source>Restored it from the Trash</source>
        <translation>L’a restauré depuis la corbeille</translation>
    </message>
    <message>
        <source>Linked %1</source>
        <translation>A lié %1</translation>
    </message>
    <message>
        <source>Unlinked %1</source>
        <translation>A délié %1</translation>
    </message>
    <message>
        <source>Changed link %1</source>
        <translation>A modifié le lien %1</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>Marked a comment resolved</source>
        <translation>A marqué un commentaire comme résolu</translation>
    </message>
    <message>
        <source>Regional position — %1</source>
        <translation>Position régionale — %1</translation>
    </message>
    <message>
        <source>The Party did not sign this change: a Secretariat installation pinned here recorded it from the Party&apos;s Word reply or letter and signed it.</source>
        <translation>Cette modification n&apos;est pas signée par la Partie : une installation du Secrétariat épinglée ici l&apos;a enregistrée d&apos;après la réponse Word ou la lettre de la Partie et l&apos;a signée.</translation>
    </message>
    <message>
        <source>recorded by the Secretariat from the Party&apos;s reply</source>
        <translation>enregistré par le Secrétariat d&apos;après la réponse de la Partie</translation>
    </message>
    <message>
        <source>received late</source>
        <translation>reçu en retard</translation>
    </message>
    <message>
        <source>The key this change is signed with is not pinned here: check its fingerprint with the sender (cmsdesk keys).</source>
        <translation>La clé qui signe cette modification n&apos;est pas épinglée ici : vérifiez son empreinte avec l&apos;expéditeur (cmsdesk keys).</translation>
    </message>
    <message>
        <source>author not verified</source>
        <translation>auteur non vérifié</translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation>examiné</translation>
    </message>
</context>
<context>
    <name>theme</name>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
</context>
</TS>
