<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl" sourcelanguage="en_GB">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/about.py" line="+126"/>
        <source>About Allegro Channel Manager</source>
        <translation>O programie Allegro Channel Manager</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;h3&gt;Allegro Channel Manager %1&lt;/h3&gt;&lt;p&gt;Keeps your stock and your Allegro.pl listings in step: orders in, quantities out, listings ended when stock runs out and relisted when it returns.&lt;/p&gt;&lt;p&gt;Licensed under the MIT licence. It ships with these libraries:&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Allegro Channel Manager %1&lt;/h3&gt;&lt;p&gt;Utrzymuje zgodność Twojego magazynu z ofertami na Allegro.pl: pobiera zamówienia, wysyła stany, kończy oferty, gdy towar się wyczerpie, i wystawia je ponownie, gdy wróci.&lt;/p&gt;&lt;p&gt;Program jest udostępniany na licencji MIT. Zawiera te biblioteki:&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Running on Python %1 and Qt %2.</source>
        <translation>Działa na Pythonie %1 i Qt %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Bundled libraries and their licences</source>
        <translation>Dołączone biblioteki i ich licencje</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Qt and Qt for Python are used under the GNU LGPL version 3; you may replace them with your own build of the same version.</source>
        <translation>Qt i Qt for Python są używane na licencji GNU LGPL w wersji 3; możesz je zastąpić własną kompilacją tej samej wersji.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Library</source>
        <translation>Biblioteka</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Version</source>
        <translation>Wersja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Licence</source>
        <translation>Licencja</translation>
    </message>
</context>
<context>
    <name>ActionsModel</name>
    <message>
        <location filename="../../ui/sync/confirm_dialog.py" line="+43"/>
        <source>Until sold out</source>
        <translation>Do wyczerpania zapasów</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>At once</source>
        <translation>Od razu</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Offer</source>
        <translation>Nr oferty</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Listing</source>
        <translation>Oferta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stock item</source>
        <translation>Pozycja magazynowa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>Powód</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duration</source>
        <translation>Czas trwania</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note</source>
        <translation>Uwaga</translation>
    </message>
    <message numerus="yes">
        <location line="+55"/>
        <source>Sells to the top bidder (%n bid(s))</source>
        <translation>
            <numerusform>Sprzedaje najwyżej licytującemu (%n oferta kupna)</numerusform>
            <numerusform>Sprzedaje najwyżej licytującemu (%n oferty kupna)</numerusform>
            <numerusform>Sprzedaje najwyżej licytującemu (%n ofert kupna)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Ticked: apply this change (Space toggles)</source>
        <translation>Zaznaczone: wprowadź tę zmianę (Spacja przełącza)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Allegro cannot cancel bids: ending this auction sells it to the top bidder, creating an order.</source>
        <translation>Allegro nie pozwala anulować ofert kupna: zakończenie tej licytacji sprzedaje przedmiot najwyżej licytującemu i tworzy zamówienie.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>ticked: </source>
        <translation>zaznaczone: </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not ticked: </source>
        <translation>niezaznaczone: </translation>
    </message>
</context>
<context>
    <name>ActionsSection</name>
    <message>
        <location line="+70"/>
        <source>Select a&amp;ll</source>
        <translation>Zaznacz &amp;wszystkie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>S&amp;elect all</source>
        <translation>Zaznacz wszys&amp;tkie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select &amp;none</source>
        <translation>&amp;Odznacz wszystkie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Select n&amp;one</source>
        <translation>Odz&amp;nacz wszystkie</translation>
    </message>
    <message numerus="yes">
        <location line="+40"/>
        <source>%1 of %n ticked</source>
        <translation>
            <numerusform>zaznaczone: %1 z %n</numerusform>
            <numerusform>zaznaczone: %1 z %n</numerusform>
            <numerusform>zaznaczone: %1 z %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AddChannelScreen</name>
    <message>
        <location filename="../../ui/channels/add_channel.py" line="+19"/>
        <source>Poland&apos;s largest marketplace, through Allegro&apos;s current REST API. Connect with Allegro: approve the app on allegro.pl, no password is typed here. Downloads orders, keeps listing quantities in step with your stock, ends and relists listings, sends tracking numbers.</source>
        <translation>Największy serwis handlowy w Polsce, przez obecne REST API Allegro. Połącz z Allegro: zatwierdź aplikację na allegro.pl, bez wpisywania tu hasła. Pobiera zamówienia, utrzymuje liczbę sztuk w ofertach zgodną z magazynem, kończy i ponownie wystawia oferty, wysyła numery przesyłek.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Allegro.pl WebAPI (legacy)</source>
        <translation>Allegro.pl WebAPI (dawne)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Poland&apos;s largest marketplace. Downloads orders, keeps listing quantities in step with your stock, ends listings that run out and relists them when stock returns, sends tracking numbers.
No account at hand? Keep the Sandbox environment on the next screen to try it all on the built-in demo shop.</source>
        <translation>Największy serwis handlowy w Polsce. Pobiera zamówienia, utrzymuje liczbę sztuk w ofertach zgodną z magazynem, kończy oferty, którym zabrakło towaru, i wystawia je ponownie, gdy towar wróci, wysyła numery przesyłek.
Nie masz pod ręką konta? Zostaw na następnym ekranie środowisko Sandbox i wypróbuj wszystko na wbudowanym sklepie demonstracyjnym.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Back</source>
        <translation>Wstecz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back to the channel list</source>
        <translation>Wróć do listy kanałów</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back to the channel list (Alt+Left).</source>
        <translation>Wróć do listy kanałów (Alt+Strzałka w lewo).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Add New Channel&lt;/b&gt;</source>
        <translation>&lt;b&gt;Dodaj nowy kanał&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose the channel to connect, then press Integrate.</source>
        <translation>Wybierz kanał do połączenia i naciśnij Zintegruj.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Integrate</source>
        <translation>&amp;Zintegruj</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Integrate (&amp;WebAPI)</source>
        <translation>Zintegruj (&amp;WebAPI)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Integrate %1</source>
        <translation>Zintegruj %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect an %1 account.</source>
        <translation>Połącz konto %1.</translation>
    </message>
</context>
<context>
    <name>BrakeQuestion</name>
    <message>
        <location filename="../../ui/sync/confirm_dialog.py" line="+105"/>
        <source>The mass-end brake stopped the sync — %1</source>
        <translation>Hamulec masowego kończenia zatrzymał synchronizację — %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Check the stock first. &lt;b&gt;Review the ends&lt;/b&gt; shows every listing to end, to tick and apply; &lt;b&gt;Send the rest without ending them&lt;/b&gt; sends quantities and tracking numbers only; &lt;b&gt;Cancel the whole sync&lt;/b&gt; sends nothing. The channel&apos;s brake is set in its options.</source>
        <translation>Najpierw sprawdź stany. &lt;b&gt;Przejrzyj zakończenia&lt;/b&gt; pokazuje każdą ofertę do zakończenia, do zaznaczenia i zastosowania; &lt;b&gt;Wyślij resztę bez kończenia&lt;/b&gt; wysyła tylko stany i numery przesyłek; &lt;b&gt;Anuluj całą synchronizację&lt;/b&gt; nie wysyła nic. Hamulec ustawia się w opcjach kanału.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>&amp;Review the %n end(s)…</source>
        <translation>
            <numerusform>&amp;Przejrzyj %n zakończenie…</numerusform>
            <numerusform>&amp;Przejrzyj %n zakończenia…</numerusform>
            <numerusform>&amp;Przejrzyj %n zakończeń…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>&amp;Send these %n quantity change(s)</source>
        <translation>
            <numerusform>&amp;Wyślij %n zmianę stanu</numerusform>
            <numerusform>&amp;Wyślij %n zmiany stanów</numerusform>
            <numerusform>&amp;Wyślij %n zmian stanów</numerusform>
        </translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Check the stock first. &lt;b&gt;Send these quantities&lt;/b&gt; lowers them on Allegro now; &lt;b&gt;Send the rest without them&lt;/b&gt; sends everything else; &lt;b&gt;Cancel the whole sync&lt;/b&gt; sends nothing. The channel&apos;s brake is set in its options.</source>
        <translation>Najpierw sprawdź stany. &lt;b&gt;Wyślij te stany&lt;/b&gt; obniża je teraz na Allegro; &lt;b&gt;Wyślij resztę bez nich&lt;/b&gt; wysyła wszystko inne; &lt;b&gt;Anuluj całą synchronizację&lt;/b&gt; nie wysyła nic. Hamulec ustawia się w opcjach kanału.</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Send the rest &amp;without ending them</source>
        <translation>Wyślij &amp;resztę bez kończenia</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Send the &amp;rest without them</source>
        <translation>Wyślij &amp;resztę bez nich</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Cancel the whole sync</source>
        <translation>&amp;Anuluj całą synchronizację</translation>
    </message>
</context>
<context>
    <name>ChannelConfigScreen</name>
    <message>
        <location filename="../../ui/channels/config.py" line="+46"/>
        <source>Sync this channel. Untick to leave it out of every sync without deleting it.</source>
        <translation>Synchronizuj ten kanał. Odznacz, aby pomijać go w synchronizacji bez usuwania.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the quantity of each linked Buy Now listing on Allegro equal to the stock available in this app (stock level minus what open orders hold).</source>
        <translation>Utrzymuj liczbę sztuk w każdej powiązanej ofercie Kup Teraz na Allegro równą stanowi dostępnemu w programie (stan magazynowy minus to, co rezerwują otwarte zamówienia).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unticked: stock is counted over all locations. Ticked: only the stock at the location chosen below counts.</source>
        <translation>Odznaczone: liczy się stan ze wszystkich lokalizacji. Zaznaczone: liczy się tylko stan w lokalizacji wybranej poniżej.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The location whose stock is sent to Allegro.</source>
        <translation>Lokalizacja, której stan jest wysyłany do Allegro.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send the tracking numbers of shipped orders to Allegro. Allegro checks each number against the carrier&apos;s format, so only numbers that fit are sent; the others are listed for you.</source>
        <translation>Wysyłaj do Allegro numery przesyłek wysłanych zamówień. Allegro sprawdza każdy numer z formatem przewoźnika, więc wysyłane są tylko pasujące numery; pozostałe zobaczysz na liście.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Orders placed from this moment on are downloaded. It is set to the moment the channel was created; move it back to fetch earlier orders.</source>
        <translation>Pobierane są zamówienia złożone od tej chwili. Domyślnie to moment utworzenia kanału; cofnij datę, aby pobrać wcześniejsze zamówienia.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Link an order item to the stock item with exactly the same title when its listing is not linked. Relisting gives a listing a new id, so linking by title keeps such orders linked.</source>
        <translation>Powiąż pozycję zamówienia z pozycją magazynową o dokładnie takim samym tytule, gdy jej oferta nie jest powiązana. Ponowne wystawienie nadaje ofercie nowy numer, więc powiązanie po tytule zachowuje powiązanie takich zamówień.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>End a linked listing when its available stock reaches zero. It moves to Pending Relist, so Relist Items can bring it back.</source>
        <translation>Kończ powiązaną ofertę, gdy jej dostępny stan spadnie do zera. Oferta trafia do „Czeka na ponowne wystawienie”, więc opcja Wystawiaj ponownie może ją przywrócić.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Also end auctions (not only Buy Now listings) whose stock reaches zero.</source>
        <translation>Kończ także licytacje (nie tylko oferty Kup Teraz), których stan spadnie do zera.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also end auctions that have a bid. Careful: ending an auction with a live bid sells the item to the top bidder, which creates an order.</source>
        <translation>Kończ także licytacje z ofertami kupna. Uwaga: zakończenie licytacji z ofertą kupna sprzedaje przedmiot najwyżej licytującemu, co tworzy zamówienie.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Relist a listing that the app ended for zero stock once stock is back, if it ended less than 60 days ago (Allegro&apos;s limit). A listing can be struck off in the inventory mapping screen so it is never relisted.</source>
        <translation>Wystawiaj ponownie ofertę zakończoną przez program z powodu braku towaru, gdy towar wróci, jeśli zakończyła się mniej niż 60 dni temu (limit Allegro). Na ekranie Oferty można ofertę wykreślić, aby nigdy nie była wystawiana ponownie.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>How long a relisted listing runs. Until sold out applies to Buy Now listings.</source>
        <translation>Jak długo trwa ponownie wystawiona oferta. „Do wyczerpania zapasów” dotyczy ofert Kup Teraz.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start relisted listings this many minutes later (at most 30 days).</source>
        <translation>Rozpoczynaj ponownie wystawione oferty po tylu minutach (najwyżej 30 dni).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ticked: ends and relists are sent without asking. Unticked: every sync first shows the listings to end and relist, and only those you confirm are sent.</source>
        <translation>Zaznaczone: zakończenia i ponowne wystawienia są wysyłane bez pytania. Odznaczone: każda synchronizacja najpierw pokazuje oferty do zakończenia i ponownego wystawienia, a wysyłane są tylko te, które potwierdzisz.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Until sold out</source>
        <translation>Do wyczerpania zapasów</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Back</source>
        <translation>Wstecz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back to the channel list</source>
        <translation>Wróć do listy kanałów</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back to the channel list (Alt+Left).</source>
        <translation>Wróć do listy kanałów (Alt+Strzałka w lewo).</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+410"/>
        <source>Save</source>
        <translation>Zapisz</translation>
    </message>
    <message>
        <location line="-408"/>
        <source>Save the channel</source>
        <translation>Zapisz kanał</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the channel&apos;s options and account (Ctrl+S).</source>
        <translation>Zapisz opcje i konto kanału (Ctrl+S).</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Ena&amp;bled</source>
        <translation>&amp;Włączony</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Inventory Sync</source>
        <translation>Synchronizacja &amp;stanów</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inventory Update From &amp;Location</source>
        <translation>Stany z jednej &amp;lokalizacji</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Submit &amp;Tracking Info</source>
        <translation>Wysyłaj numery &amp;przesyłek</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lin&amp;k Order Item to Stock Item By Title</source>
        <translation>Wiąż pozycje zamówień z magazynem po &amp;tytule</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>En&amp;d Listings</source>
        <translation>&amp;Kończ oferty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;End Auctions</source>
        <translation>Kończ l&amp;icytacje</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End Auctions &amp;with bids</source>
        <translation>Kończ licytacje z o&amp;fertami kupna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Relist Items</source>
        <translation>Wystawiaj ponowni&amp;e</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> minutes</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;No Manual Confirmation</source>
        <translation>&amp;Bez ręcznego potwierdzania</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;Stock location</source>
        <translation>Lokali&amp;zacja stanów</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stock location</source>
        <translation>Lokalizacja stanów</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;ync Orders From</source>
        <translation>Pobieraj zamówienia o&amp;d</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sync Orders From</source>
        <translation>Pobieraj zamówienia od</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relist Listing D&amp;uration</source>
        <translation>&amp;Czas trwania ponownej oferty</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Relist Listing Duration</source>
        <translation>Czas trwania ponownej oferty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relist Listing Del&amp;ay</source>
        <translation>Opóźnie&amp;nie ponownej oferty</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Relist Listing Delay</source>
        <translation>Opóźnienie ponownej oferty</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Orders and stock</source>
        <translation>Zamówienia i stany</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ending and relisting</source>
        <translation>Kończenie i ponowne wystawianie</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add a location in the Inventory screen to choose one here.</source>
        <translation>Dodaj lokalizację na ekranie Magazyn, aby ją tu wybrać.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Move to an option to read what it does.</source>
        <translation>Przejdź do opcji, aby przeczytać, co robi.</translation>
    </message>
    <message>
        <location line="-158"/>
        <source>&amp;Options</source>
        <translation>Opc&amp;je</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;ccount</source>
        <translation>Kont&amp;o</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel settings</source>
        <translation>Ustawienia kanału</translation>
    </message>
    <message>
        <location line="+191"/>
        <source>Api Key Version updated on the Account tab. Save to keep it.</source>
        <translation>Wersja klucza zmieniona na karcie Konto. Zapisz, aby ją zachować.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Connected as %1. The new login is in the keyring.</source>
        <translation>Połączono jako %1. Nowe logowanie jest w magazynie haseł.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Add a location first: Inventory → Locations….</source>
        <translation>Najpierw dodaj lokalizację: Magazyn → Lokalizacje….</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Available when “%1” is ticked.</source>
        <translation>Dostępne, gdy zaznaczono „%1”.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (default)</source>
        <translation>%1 (domyślna)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&lt;b&gt;%1&lt;/b&gt; — Allegro.pl channel</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — kanał Allegro.pl</translation>
    </message>
    <message>
        <location line="+79"/>
        <location line="+10"/>
        <location line="+23"/>
        <source>Not saved: correct the fields marked in red.</source>
        <translation>Nie zapisano: popraw pola zaznaczone na czerwono.</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Channel not saved</source>
        <translation>Kanał nie został zapisany</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saved.</source>
        <translation>Zapisano.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Unsaved changes</source>
        <translation>Niezapisane zmiany</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the changes to “%1”?</source>
        <translation>Zapisać zmiany w kanale „%1”?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Discard</source>
        <translation>Odrzuć</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep editing</source>
        <translation>Edytuj dalej</translation>
    </message>
    <message>
        <location line="-286"/>
        <source>Guards: mass-end brake and stock buffers</source>
        <translation>Zabezpieczenia: hamulec masowego kończenia i bufory stanów</translation>
    </message>
    <message>
        <location filename="../../ui/channels/guard_options.py" line="+19"/>
        <source>Mass-end brake: a sync that would end more than this share of the channel&apos;s live listings (or more than the number below, whichever is larger) stops before ending any and asks you, even with No Manual Confirmation. Default 20 %.</source>
        <translation>Hamulec masowego kończenia: synchronizacja, która zakończyłaby więcej niż ten udział aktywnych ofert kanału (albo więcej niż liczba poniżej, co większe), zatrzymuje się przed zakończeniem którejkolwiek i pyta Cię, nawet z opcją Bez ręcznego potwierdzenia. Domyślnie 20 %.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Mass-end brake: a sync may end up to this many listings (or the share above, whichever is larger) without asking. The same number guards against lowering most quantities to 1 at once. Default 50.</source>
        <translation>Hamulec masowego kończenia: synchronizacja może bez pytania zakończyć do tylu ofert (albo udział powyżej, co większe). Ta sama liczba chroni przed obniżeniem naraz większości stanów do 1. Domyślnie 50.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>End a listing when its available stock is this or less, instead of at 0; it is relisted once more is available. 0 = end only when nothing is available.</source>
        <translation>Kończ ofertę, gdy dostępny stan wynosi tyle lub mniej, zamiast przy 0; zostanie wystawiona ponownie, gdy będzie więcej. 0 = kończ dopiero, gdy nic nie jest dostępne.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keep this many back: Allegro shows the available stock minus this number (for other channels or the shop counter). 0 = keep nothing back.</source>
        <translation>Zatrzymaj tyle sztuk: Allegro pokazuje dostępny stan pomniejszony o tę liczbę (dla innych kanałów lub sklepu stacjonarnego). 0 = nic nie zatrzymuj.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>List only this share of the available stock (after keeping back), rounded down. 100 % = all of it.</source>
        <translation>Wystawiaj tylko tę część dostępnego stanu (po zatrzymaniu), zaokrągloną w dół. 100 % = całość.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>List at most this many on Allegro, however much is available. 0 = no limit (Allegro&apos;s own is 999).</source>
        <translation>Wystawiaj na Allegro najwyżej tyle, niezależnie od dostępnego stanu. 0 = bez limitu (limit Allegro to 999).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Mass-end brake: share of live listin&amp;gs</source>
        <translation>Hamulec masowego kończenia: udzi&amp;ał aktywnych ofert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mass-end brake: share of live listings</source>
        <translation>Hamulec masowego kończenia: udział aktywnych ofert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mass-end brake: or number o&amp;f listings</source>
        <translation>Hamulec masowe&amp;go kończenia: lub liczba ofert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mass-end brake: or number of listings</source>
        <translation>Hamulec masowego kończenia: lub liczba ofert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End when a&amp;vailable is at most</source>
        <translation>Kończ, gd&amp;y dostępnych jest najwyżej</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>End when available is at most</source>
        <translation>Kończ, gdy dostępnych jest najwyżej</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kee&amp;p back</source>
        <translation>Zat&amp;rzymaj</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keep back</source>
        <translation>Zatrzymaj</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List a s&amp;hare of available</source>
        <translation>Wystawiaj część dostępnyc&amp;h</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>List a share of available</source>
        <translation>Wystawiaj część dostępnych</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List at &amp;most</source>
        <translation>Wystawiaj najwyżej</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>List at most</source>
        <translation>Wystawiaj najwyżej</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No limit</source>
        <translation>Bez limitu</translation>
    </message>
    <message>
        <location filename="../../ui/channels/config.py" line="+251"/>
        <source>Not saved.</source>
        <translation>Nie zapisano.</translation>
    </message>
</context>
<context>
    <name>ChannelIntegrationWindow</name>
    <message>
        <location filename="../../ui/channels/integration_window.py" line="+41"/>
        <location line="+123"/>
        <source>Channel Integration</source>
        <translation>Integracja kanałów</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>&lt;b&gt;Channels&lt;/b&gt;</source>
        <translation>&lt;b&gt;Kanały&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add New Channel</source>
        <translation>&amp;Dodaj nowy kanał</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add New Channel</source>
        <translation>Dodaj nowy kanał</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect another Allegro account.</source>
        <translation>Połącz kolejne konto Allegro.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Channels</source>
        <translation>Kanały</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Configure</source>
        <translation>Konfiguruj</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Configure…</source>
        <translation>&amp;Konfiguruj…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the selected channel&apos;s options (or double-click it, or press Enter).</source>
        <translation>Otwórz opcje zaznaczonego kanału (albo kliknij go dwukrotnie lub naciśnij Enter).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Delete…</source>
        <translation>U&amp;suń…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the selected channel and its password in the keyring.</source>
        <translation>Usuń zaznaczony kanał i jego hasło z systemowego magazynu haseł.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Double-click a channel, or press Enter, to change its options.</source>
        <translation>Kliknij kanał dwukrotnie albo naciśnij Enter, aby zmienić jego opcje.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No channels yet. Press Add New Channel to connect an Allegro account.</source>
        <translation>Nie ma jeszcze kanałów. Naciśnij Dodaj nowy kanał, aby połączyć konto Allegro.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select a channel in the list first.</source>
        <translation>Najpierw wybierz kanał z listy.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Channel Integration — Add New Channel</source>
        <translation>Integracja kanałów — Dodaj nowy kanał</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+7"/>
        <source>Channel Integration — Allegro.pl integration</source>
        <translation>Integracja kanałów — integracja z Allegro.pl</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Channel saved. Choose its options, then Save.</source>
        <translation>Kanał zapisany. Wybierz jego opcje i naciśnij Zapisz.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Channel Integration — %1</source>
        <translation>Integracja kanałów — %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Its password is removed from the keyring. Nothing changes on Allegro.</source>
        <translation>Jego hasło zostanie usunięte z magazynu haseł. Na Allegro nic się nie zmieni.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Its %1 and %2 are removed from this app, and its password from the keyring. Nothing changes on Allegro.</source>
        <translation>Jego %1 i %2 zostaną usunięte z programu, a hasło z magazynu haseł. Na Allegro nic się nie zmieni.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n zamówienie</numerusform>
            <numerusform>%n zamówienia</numerusform>
            <numerusform>%n zamówień</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n listing(s)</source>
        <translation>
            <numerusform>%n oferta</numerusform>
            <numerusform>%n oferty</numerusform>
            <numerusform>%n ofert</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete channel</source>
        <translation>Usuń kanał</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the channel “%1”?</source>
        <translation>Usunąć kanał „%1”?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete</source>
        <translation>Usuń</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Channel not deleted</source>
        <translation>Kanał nie został usunięty</translation>
    </message>
</context>
<context>
    <name>ChannelListModel</name>
    <message>
        <location filename="../../ui/channels/list_model.py" line="+15"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Nieudane</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partly done</source>
        <translation>Częściowo wykonane</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Anulowane</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running</source>
        <translation>W toku</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SubSource</source>
        <translation>Nazwa kanału</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Environment</source>
        <translation>Środowisko</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enabled</source>
        <translation>Włączony</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inventory Sync</source>
        <translation>Synchronizacja stanów</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last sync</source>
        <translation>Ostatnia synchronizacja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>Wynik</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+3"/>
        <source>Sandbox</source>
        <translation>Sandbox</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>%1 (REST)</source>
        <translation>%1 (REST)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Production</source>
        <translation>Produkcja</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Allegro.pl REST API, connected by Allegro&apos;s approval page.</source>
        <translation>REST API Allegro.pl, połączone przez stronę zatwierdzenia Allegro.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allegro.pl WebAPI (legacy): login, password and WebAPI key.</source>
        <translation>WebAPI Allegro.pl (dawne): login, hasło i klucz WebAPI.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Never</source>
        <translation>Nigdy</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>on</source>
        <translation>włączone</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>off</source>
        <translation>wyłączone</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Double-click to open the channel&apos;s configuration.</source>
        <translation>Kliknij dwukrotnie, aby otworzyć konfigurację kanału.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tick or untick to turn %1 on or off for this channel.</source>
        <translation>Zaznacz lub odznacz, aby włączyć lub wyłączyć „%1” dla tego kanału.</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <location filename="../../ui/sync/confirm_dialog.py" line="-115"/>
        <source>Confirm changes on Allegro — %1</source>
        <translation>Potwierdź zmiany na Allegro — %1</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <location line="+1"/>
        <source>%n listing(s)</source>
        <translation>
            <numerusform>%n ofertę</numerusform>
            <numerusform>%n oferty</numerusform>
            <numerusform>%n ofert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n auction(s) have bids. Allegro cannot cancel bids: ending such an auction sells it to the top bidder and creates an order. They start unticked.</source>
        <translation>
            <numerusform>%n licytacja ma oferty kupna. Allegro nie pozwala anulować ofert kupna: zakończenie takiej licytacji sprzedaje przedmiot najwyżej licytującemu i tworzy zamówienie. Domyślnie jest odznaczona.</numerusform>
            <numerusform>%n licytacje mają oferty kupna. Allegro nie pozwala anulować ofert kupna: zakończenie takiej licytacji sprzedaje przedmiot najwyżej licytującemu i tworzy zamówienie. Domyślnie są odznaczone.</numerusform>
            <numerusform>%n licytacji ma oferty kupna. Allegro nie pozwala anulować ofert kupna: zakończenie takiej licytacji sprzedaje przedmiot najwyżej licytującemu i tworzy zamówienie. Domyślnie są odznaczone.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Listings to end</source>
        <translation>Oferty do zakończenia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listings to relist</source>
        <translation>Oferty do ponownego wystawienia</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Apply the ticked ones</source>
        <translation>&amp;Zastosuj zaznaczone</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&amp;Apply the ticked ones (%1)</source>
        <translation>&amp;Zastosuj zaznaczone (%1)</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>End and relist the ticked listings, and send the rest of the sync</source>
        <translation>Zakończ i wystaw ponownie zaznaczone oferty oraz wyślij resztę synchronizacji</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>The sync of &lt;b&gt;%1&lt;/b&gt; would end %2 and relist %3. &lt;b&gt;Apply the ticked ones&lt;/b&gt; sends the ticked ones with the rest of the sync. &lt;b&gt;Send the rest without these&lt;/b&gt; sends quantities and tracking numbers but none of these listings. &lt;b&gt;Cancel the whole sync&lt;/b&gt; sends nothing at all. What is not sent is proposed again at the next sync.</source>
        <translation>Synchronizacja kanału &lt;b&gt;%1&lt;/b&gt; zakończyłaby %2 i wystawiła ponownie %3. &lt;b&gt;Zastosuj zaznaczone&lt;/b&gt; wysyła zaznaczone razem z resztą synchronizacji. &lt;b&gt;Wyślij resztę bez tych ofert&lt;/b&gt; wysyła stany i numery przesyłek, ale żadnej z tych ofert. &lt;b&gt;Anuluj całą synchronizację&lt;/b&gt; nie wysyła nic. To, co nie zostanie wysłane, będzie zaproponowane ponownie przy następnej synchronizacji.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Send the &amp;rest without these</source>
        <translation>Wyślij &amp;resztę bez tych ofert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send quantities and tracking numbers; end and relist none of these listings (they are proposed again next time)</source>
        <translation>Wyślij stany i numery przesyłek; nie kończ ani nie wystawiaj ponownie żadnej z tych ofert (zostaną zaproponowane ponownie następnym razem)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Cancel the whole sync</source>
        <translation>&amp;Anuluj całą synchronizację</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send nothing at all to Allegro in this sync (Esc)</source>
        <translation>Nie wysyłaj w tej synchronizacji nic do Allegro (Esc)</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../../ui/channels/connect_dialog.py" line="+34"/>
        <source>Connect with Allegro</source>
        <translation>Połącz z Allegro</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Asking Allegro for a code…</source>
        <translation>Pobieram kod z Allegro…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>QR code of the approval address</source>
        <translation>Kod QR adresu zatwierdzenia</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Open in browser</source>
        <translation>&amp;Otwórz w przeglądarce</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Open the address below (or scan the QR code), log in to Allegro and approve the application. Check that Allegro shows this code:</source>
        <translation>Otwórz poniższy adres (lub zeskanuj kod QR), zaloguj się do Allegro i zatwierdź aplikację. Sprawdź, czy Allegro pokazuje ten kod:</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Connected as %1.</source>
        <translation>Połączono jako %1.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Close</source>
        <translation>Zamknij</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The code is valid for %1 more.</source>
        <translation>Kod jest ważny jeszcze %1.</translation>
    </message>
</context>
<context>
    <name>Counted</name>
    <message numerus="yes">
        <location filename="../../ui/counts.py" line="+15"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n dzień</numerusform>
            <numerusform>%n dni</numerusform>
            <numerusform>%n dni</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n order(s) imported</source>
        <translation>
            <numerusform>%n pobrane zamówienie</numerusform>
            <numerusform>%n pobrane zamówienia</numerusform>
            <numerusform>%n pobranych zamówień</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n quantity(ies) sent</source>
        <translation>
            <numerusform>%n wysłany stan</numerusform>
            <numerusform>%n wysłane stany</numerusform>
            <numerusform>%n wysłanych stanów</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n listing(s) ended</source>
        <translation>
            <numerusform>%n zakończona oferta</numerusform>
            <numerusform>%n zakończone oferty</numerusform>
            <numerusform>%n zakończonych ofert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n listing(s) relisted</source>
        <translation>
            <numerusform>%n oferta wystawiona ponownie</numerusform>
            <numerusform>%n oferty wystawione ponownie</numerusform>
            <numerusform>%n ofert wystawionych ponownie</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n tracking number(s) accepted</source>
        <translation>
            <numerusform>%n przyjęty numer przesyłki</numerusform>
            <numerusform>%n przyjęte numery przesyłek</numerusform>
            <numerusform>%n przyjętych numerów przesyłek</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n tracking number(s) rejected</source>
        <translation>
            <numerusform>%n odrzucony numer przesyłki</numerusform>
            <numerusform>%n odrzucone numery przesyłek</numerusform>
            <numerusform>%n odrzuconych numerów przesyłek</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n change(s) held by a brake</source>
        <translation>
            <numerusform>%n zmiana wstrzymana przez hamulec</numerusform>
            <numerusform>%n zmiany wstrzymane przez hamulec</numerusform>
            <numerusform>%n zmian wstrzymanych przez hamulec</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n listing(s) at oversell risk</source>
        <translation>
            <numerusform>%n oferta zagrożona sprzedażą bez towaru</numerusform>
            <numerusform>%n oferty zagrożone sprzedażą bez towaru</numerusform>
            <numerusform>%n ofert zagrożonych sprzedażą bez towaru</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DailyChart</name>
    <message>
        <location filename="../../ui/sync/chart.py" line="+12"/>
        <source>Orders imported</source>
        <translation>Zamówienia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listings ended</source>
        <translation>Zakończone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listings relisted</source>
        <translation>Wystawione ponownie</translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>Last %n day(s): %1</source>
        <translation>
            <numerusform>Ostatni %n dzień: %1</numerusform>
            <numerusform>Ostatnie %n dni: %1</numerusform>
            <numerusform>Ostatnie %n dni: %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+68"/>
        <source>No syncs yet</source>
        <translation>Nie było jeszcze synchronizacji</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../ui/filter_bar.py" line="+94"/>
        <source>Cha&amp;nnel:</source>
        <translation>&amp;Kanał:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sho&amp;w:</source>
        <translation>Pok&amp;aż:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>All channels</source>
        <translation>Wszystkie kanały</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../../ui/home.py" line="+125"/>
        <source>Channels</source>
        <translation>Kanały</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stock items</source>
        <translation>Pozycje magazynowe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listings</source>
        <translation>Oferty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orders</source>
        <translation>Zamówienia</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Add a &amp;channel…</source>
        <translation>Dodaj &amp;kanał…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Try it on the demo shop</source>
        <translation>Wypróbuj na sklepie demonstracyjnym</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Add the demo channel</source>
        <translation>&amp;Dodaj kanał demonstracyjny</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add the Sandbox demo channel</source>
        <translation>Dodaj kanał demonstracyjny w Sandboksie</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Use the legacy &amp;WebAPI instead</source>
        <translation>Użyj dawnego W&amp;ebAPI</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add the Sandbox demo channel on the legacy WebAPI</source>
        <translation>Dodaj demonstracyjny kanał Sandboksu na dawnym WebAPI</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Run the first sync</source>
        <translation>Uruchom pierwszą synchronizację</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sync imports the demo shop&apos;s orders and sends your stock quantities to the listings. Before it ends the listings whose stock is zero, it shows them to you in the confirmation dialog: keep them ticked and press &lt;b&gt;Apply the ticked ones&lt;/b&gt;.</source>
        <translation>Synchronizacja pobierze zamówienia sklepu demonstracyjnego i wyśle stany magazynowe do ofert. Zanim zakończy oferty ze stanem zero, pokaże je w oknie potwierdzenia: zostaw je zaznaczone i naciśnij &lt;b&gt;Zastosuj zaznaczone&lt;/b&gt;.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Add the demo channel first.</source>
        <translation>Najpierw dodaj kanał demonstracyjny.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>See the &amp;orders</source>
        <translation>Zobacz &amp;zamówienia</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>See the &amp;listings</source>
        <translation>Zobacz &amp;oferty</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Connect your own Allegro account</source>
        <translation>Połącz własne konto Allegro</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Opens Settings → Channel Integration → Add New Channel.</source>
        <translation>Otwiera Ustawienia → Integracja kanałów → Dodaj nowy kanał.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;h2&gt;Welcome to Allegro Channel Manager&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Witaj w Allegro Channel Manager&lt;/h2&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It keeps your stock and your Allegro.pl listings in step: orders come in, quantities go out, listings that run out of stock are ended and relisted when it returns. Try it on the demo shop first; it takes a minute.</source>
        <translation>Program utrzymuje zgodność magazynu z ofertami na Allegro.pl: zamówienia spływają, stany wychodzą, oferty bez towaru są kończone i wystawiane ponownie, gdy towar wróci. Najpierw wypróbuj go na sklepie demonstracyjnym; to zajmie minutę.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;h2&gt;Allegro Channel Manager&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Allegro Channel Manager&lt;/h2&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your stock and your Allegro.pl channels in one place. Press F5 to sync; channels are set up under &lt;b&gt;Settings → Channel Integration&lt;/b&gt;.</source>
        <translation>Magazyn i kanały Allegro.pl w jednym miejscu. Naciśnij F5, aby zsynchronizować; kanały konfigurujesz w &lt;b&gt;Ustawienia → Integracja kanałów&lt;/b&gt;.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The demo channel is being added; the line below says how far.</source>
        <translation>Kanał demonstracyjny jest dodawany; wiersz poniżej mówi, na jakim etapie.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Starting…</source>
        <translation>Uruchamianie…</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%n of them have no stock</source>
        <translation>
            <numerusform>%n z nich nie ma towaru</numerusform>
            <numerusform>%n z nich nie mają towaru</numerusform>
            <numerusform>%n z nich nie ma towaru</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>A REST channel on the built-in Sandbox, connected as Allegro&apos;s approval page would.</source>
        <translation>Kanał REST we wbudowanym Sandboksie, połączony tak, jak zrobiłaby to strona zatwierdzenia Allegro.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The same demo shop through the old WebAPI: login, password, WebAPI key and Api Key Version, filled in for you. Allegro itself no longer answers the WebAPI.</source>
        <translation>Ten sam sklep demonstracyjny przez dawne WebAPI: login, hasło, klucz WebAPI i wersja klucza, wpisane za Ciebie. Samo Allegro nie odpowiada już przez WebAPI.</translation>
    </message>
    <message numerus="yes">
        <location line="+96"/>
        <source>%n listing(s): live with nothing available to send</source>
        <translation>
            <numerusform>%n oferta aktywna bez towaru do wysłania</numerusform>
            <numerusform>%n oferty aktywne bez towaru do wysłania</numerusform>
            <numerusform>%n ofert aktywnych bez towaru do wysłania</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-116"/>
        <source>%n listing(s)</source>
        <translation>
            <numerusform>%n oferta jest powiązana</numerusform>
            <numerusform>%n oferty są powiązane</numerusform>
            <numerusform>%n ofert jest powiązanych</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The demo channel is there; it is added once.</source>
        <translation>Kanał demonstracyjny już jest; dodaje się go raz.</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>✓ Synced: %1, %2, %3.</source>
        <translation>✓ Zsynchronizowano: %1, %2, %3.</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>Demo channel added</source>
        <translation>Dodano kanał demonstracyjny</translation>
    </message>
    <message>
        <location line="-168"/>
        <location line="+75"/>
        <source>S&amp;ync now (F5)</source>
        <translation>&amp;Synchronizuj teraz (F5)</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>Adds the channel &lt;b&gt;Sandbox demo&lt;/b&gt; on the &lt;b&gt;Sandbox&lt;/b&gt;, the Allegro emulator built into this app: about 60 Polish listings, buyers and recent orders. It connects through Allegro&apos;s REST API the way your own account will, with the Sandbox approving it in your place. It also fills your stock with one item per listing, linked to it: most in stock, a few at zero. No Allegro account is needed and nothing reaches Allegro.</source>
        <translation>Dodaje kanał &lt;b&gt;Sandbox demo&lt;/b&gt; w &lt;b&gt;Sandboksie&lt;/b&gt;, emulatorze Allegro wbudowanym w program: około 60 ofert, kupujący i niedawne zamówienia. Łączy się przez REST API Allegro tak jak Twoje własne konto, a Sandbox zatwierdza połączenie za Ciebie. Wypełnia też magazyn jedną pozycją na każdą ofertę, powiązaną z nią: większość ma towar, kilka ma stan zero. Nie potrzeba konta Allegro i nic nie trafia do Allegro.</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>When you are ready, register the app once at apps.developer.allegro.pl and paste its Client ID and Secret in &lt;b&gt;Settings → Preferences&lt;/b&gt;. Then add an &lt;b&gt;Allegro.pl&lt;/b&gt; channel and press &lt;b&gt;Connect with Allegro&lt;/b&gt;: you approve the app on allegro.pl, and your password never reaches this app. Its login is kept in your system&apos;s keyring, never in the database.</source>
        <translation>Gdy zechcesz, zarejestruj raz aplikację na apps.developer.allegro.pl i wklej jej Client ID i Client Secret w &lt;b&gt;Ustawienia → Preferencje&lt;/b&gt;. Potem dodaj kanał &lt;b&gt;Allegro.pl&lt;/b&gt; i naciśnij &lt;b&gt;Połącz z Allegro&lt;/b&gt;: zatwierdzasz aplikację na allegro.pl, a Twoje hasło nigdy nie trafia do programu. Logowanie jest przechowywane w systemowym magazynie haseł, nigdy w bazie danych.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add an Allegro.&amp;pl channel…</source>
        <translation>Dodaj kanał Alleg&amp;ro.pl…</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Opens the Sync screen and syncs the demo channel.</source>
        <translation>Otwiera ekran Synchronizacja i synchronizuje kanał demonstracyjny.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>✓ &lt;b&gt;%1&lt;/b&gt; is ready: connected through Allegro&apos;s REST API as %4. %2 linked to stock items; %3, so the sync will propose ending them.</source>
        <translation>✓ Kanał &lt;b&gt;%1&lt;/b&gt; jest gotowy: połączony przez REST API Allegro jako %4. %2 z pozycjami magazynowymi; %3, więc synchronizacja zaproponuje ich zakończenie.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>✓ &lt;b&gt;%1&lt;/b&gt; is ready: the Test said OK. %2 linked to stock items; %3, so the sync will propose ending them.</source>
        <translation>✓ Kanał &lt;b&gt;%1&lt;/b&gt; jest gotowy: test zakończył się powodzeniem. %2 z pozycjami magazynowymi; %3, więc synchronizacja zaproponuje ich zakończenie.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The demo channel could not be added: %1</source>
        <translation>Nie udało się dodać kanału demonstracyjnego: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Try &amp;again</source>
        <translation>Spró&amp;buj ponownie</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The sync ended as “%1”; the Sync screen says why. Press Sync now to try again.</source>
        <translation>Synchronizacja zakończyła się wynikiem „%1”; przyczynę podaje ekran Synchronizacja. Naciśnij Synchronizuj teraz, aby spróbować ponownie.</translation>
    </message>
    <message>
        <location line="-244"/>
        <source>Linked live listings with nothing available to send: a buyer can still buy them. Listings → Show: Oversell risk lists them with the reason.</source>
        <translation>Powiązane aktywne oferty, dla których nie ma czego wysłać: kupujący wciąż może je kupić. Oferty → Pokaż: Ryzyko sprzedaży bez towaru wymienia je z powodem.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>At oversell risk</source>
        <translation>Ryzyko sprzedaży bez towaru</translation>
    </message>
</context>
<context>
    <name>HonestSave</name>
    <message>
        <location filename="../../ui/channels/honest_save.py" line="+29"/>
        <source>Same Allegro account</source>
        <translation>To samo konto Allegro</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not saved. Change the username or the environment, or add it anyway if you really mean to.</source>
        <translation>Nie zapisano. Zmień nazwę użytkownika albo środowisko, albo dodaj mimo to, jeśli naprawdę tego chcesz.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Do not add it</source>
        <translation>Nie dodawaj</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add it anyway</source>
        <translation>Dodaj mimo to</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The last Test of this channel failed.</source>
        <translation>Ostatni test tego kanału się nie powiódł.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This channel has not been tested with these account details.</source>
        <translation>Ten kanał nie został przetestowany z tymi danymi konta.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save without a passing Test?</source>
        <translation>Zapisać bez udanego testu?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved disabled, it is left out of every sync until you Test it and tick Enabled. Saved enabled, every sync of all channels tries it, and fails for it while the Test fails.</source>
        <translation>Zapisany jako wyłączony, jest pomijany w każdej synchronizacji, dopóki go nie przetestujesz i nie zaznaczysz Włączony. Zapisany jako włączony, jest próbowany w każdej synchronizacji wszystkich kanałów i kończy się błędem, dopóki test się nie udaje.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save it disabled</source>
        <translation>Zapisz jako wyłączony</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save it enabled anyway</source>
        <translation>Zapisz jako włączony mimo to</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../ui/inventory/import_dialog.py" line="+47"/>
        <source>Import stock from %1</source>
        <translation>Import stanów z pliku %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Columns not used: %1</source>
        <translation>Nieużywane kolumny: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Invalid rows (fix them in the file and import it again):</source>
        <translation>Błędne wiersze (popraw je w pliku i zaimportuj go ponownie):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rows to import:</source>
        <translation>Wiersze do zaimportowania:</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>&amp;Import %n row(s)</source>
        <translation>
            <numerusform>&amp;Importuj %n wiersz</numerusform>
            <numerusform>&amp;Importuj %n wiersze</numerusform>
            <numerusform>&amp;Importuj %n wierszy</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing is imported while rows are invalid: fix them in the file and import it again.</source>
        <translation>Nic nie zostanie zaimportowane, dopóki są błędne wiersze: popraw je w pliku i zaimportuj go ponownie.</translation>
    </message>
</context>
<context>
    <name>IntegrationForm</name>
    <message>
        <location filename="../../ui/channels/integration_form.py" line="+38"/>
        <source>Sandbox — the built-in Allegro emulator on this computer</source>
        <translation>Sandbox — wbudowany emulator Allegro na tym komputerze</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Production — Allegro.pl</source>
        <translation>Produkcja — Allegro.pl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom WebAPI address</source>
        <translation>Własny adres WebAPI</translation>
    </message>
    <message>
        <location line="+39"/>
        <location line="+124"/>
        <source>Testing</source>
        <translation>Testowanie</translation>
    </message>
    <message>
        <location line="-89"/>
        <source>for example 1505</source>
        <translation>na przykład 1505</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Fill in the demo account</source>
        <translation>Wpisz konto demonstracyjne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fill in the Sandbox demo account</source>
        <translation>Wpisz konto demonstracyjne Sandboksa</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The Sandbox comes with a demo shop: login sandbox-seller, password sandbox-pass-1, WebAPI key SANDBOX-WEBAPI-KEY.</source>
        <translation>Sandbox ma sklep demonstracyjny: login sandbox-seller, hasło sandbox-pass-1, klucz WebAPI SANDBOX-WEBAPI-KEY.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Su&amp;bSource</source>
        <translation>&amp;Nazwa kanału</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SubSource</source>
        <translation>Nazwa kanału</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The name this channel appears as in the app, its orders and reports, e.g. MyAllegroChannel.</source>
        <translation>Nazwa, pod którą kanał występuje w programie, jego zamówieniach i raportach, np. MojKanalAllegro.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Username</source>
        <translation>&amp;Login</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Username</source>
        <translation>Login</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your Allegro login (1–16 characters) or the e-mail address you log in with.</source>
        <translation>Twój login Allegro (1–16 znaków) albo adres e-mail, którym się logujesz.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password</source>
        <translation>&amp;Hasło</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Password</source>
        <translation>Hasło</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your Allegro password. It is kept in the system keyring, never in the app&apos;s database or logs.</source>
        <translation>Twoje hasło do Allegro. Jest przechowywane w systemowym magazynie haseł, nigdy w bazie danych ani w logach programu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Api &amp;Key</source>
        <translation>&amp;Klucz WebAPI</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Api Key</source>
        <translation>Klucz WebAPI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The WebAPI key generated in My Allegro → WebAPI.</source>
        <translation>Klucz WebAPI wygenerowany w Moje Allegro → WebAPI.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Api Key &amp;Version</source>
        <translation>&amp;Wersja klucza</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Api Key Version</source>
        <translation>Wersja klucza</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allegro&apos;s current version key, a whole number. Test tells you when Allegro has moved on and offers the current one.</source>
        <translation>Aktualna wersja klucza Allegro, liczba całkowita. Test powie, gdy Allegro przejdzie na nowszą, i zaproponuje aktualną.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Default Currency</source>
        <translation>Do&amp;myślna waluta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Default Currency</source>
        <translation>Domyślna waluta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The currency given to orders and the channel when Allegro names none.</source>
        <translation>Waluta przypisywana zamówieniom i kanałowi, gdy Allegro jej nie poda.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;nvironment</source>
        <translation>Śro&amp;dowisko</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Environment</source>
        <translation>Środowisko</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sandbox: the built-in emulator with a demo shop, started when needed. Production: the real Allegro.pl. Custom: a WebAPI address of your own, such as a sandbox run with main.py sandbox.</source>
        <translation>Sandbox: wbudowany emulator ze sklepem demonstracyjnym, uruchamiany w razie potrzeby. Produkcja: prawdziwe Allegro.pl. Własny: Twój adres WebAPI, np. sandbox uruchomiony poleceniem main.py sandbox.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>WebAPI &amp;address</source>
        <translation>&amp;Adres WebAPI</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>WebAPI address</source>
        <translation>Adres WebAPI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The service address used for this environment.</source>
        <translation>Adres usługi używany w tym środowisku.</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+238"/>
        <source>&amp;Test</source>
        <translation>&amp;Testuj</translation>
    </message>
    <message>
        <location line="-236"/>
        <source>Test the connection to Allegro</source>
        <translation>Sprawdź połączenie z Allegro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask Allegro whether it accepts the Api Key Version and the login.</source>
        <translation>Zapytaj Allegro, czy akceptuje wersję klucza i dane logowania.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop waiting for the Test</source>
        <translation>Przestań czekać na wynik testu</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Kept in the keyring — type a new one to change it</source>
        <translation>Zapisane w magazynie haseł — wpisz nowe, aby je zmienić</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>Started on this computer when needed</source>
        <translation>Uruchamiany na tym komputerze w razie potrzeby</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>https://… or http://127.0.0.1:PORT/service.php</source>
        <translation>https://… albo http://127.0.0.1:PORT/service.php</translation>
    </message>
    <message>
        <location line="-24"/>
        <location line="+55"/>
        <source>Correct the fields marked in red, then Test again.</source>
        <translation>Popraw pola zaznaczone na czerwono i przetestuj ponownie.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+51"/>
        <location line="+19"/>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>The keyring has no password for this channel. Type it again.</source>
        <translation>W magazynie haseł nie ma hasła do tego kanału. Wpisz je ponownie.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Testing with the Sandbox…</source>
        <translation>Testowanie z Sandboksem…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Testing with %1…</source>
        <translation>Testowanie z %1…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Test cancelled.</source>
        <translation>Test anulowany.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Testing…</source>
        <translation>Testowanie…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>OK: Allegro accepted the Api Key Version and the login.</source>
        <translation>OK: Allegro zaakceptowało wersję klucza i dane logowania.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Allegro at %1 accepted Api Key Version %2 and the login of %3.</source>
        <translation>Allegro pod adresem %1 zaakceptowało wersję klucza %2 i logowanie użytkownika %3.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Allegro&apos;s Api Key Version has changed.</source>
        <translation>Wersja klucza Allegro się zmieniła.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Use %1</source>
        <translation>Użyj %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep what I typed</source>
        <translation>Zostaw to, co wpisałem</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Test failed</source>
        <translation>Test nieudany</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Api Key Version set to %1. Test again, or Save to keep it.</source>
        <translation>Ustawiono wersję klucza %1. Przetestuj ponownie albo zapisz, aby ją zachować.</translation>
    </message>
</context>
<context>
    <name>IntegrationScreen</name>
    <message>
        <location line="+21"/>
        <source>Back</source>
        <translation>Wstecz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back to Add New Channel</source>
        <translation>Wróć do ekranu Dodaj nowy kanał</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back to Add New Channel (Alt+Left). What you typed stays here.</source>
        <translation>Wróć do ekranu Dodaj nowy kanał (Alt+Strzałka w lewo). To, co wpisałeś, zostanie.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Allegro.pl integration&lt;/b&gt;</source>
        <translation>&lt;b&gt;Integracja z Allegro.pl&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save</source>
        <translation>&amp;Zapisz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the channel</source>
        <translation>Zapisz kanał</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the channel (Ctrl+S); the password goes to the system keyring.</source>
        <translation>Zapisz kanał (Ctrl+S); hasło trafi do systemowego magazynu haseł.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Connect an Allegro account. Fill in the fields, press Test to check them with Allegro, then Save. The options of the channel come next.</source>
        <translation>Połącz konto Allegro. Wypełnij pola, naciśnij Testuj, aby sprawdzić je w Allegro, a potem Zapisz. Następnie ustawisz opcje kanału.</translation>
    </message>
    <message>
        <location line="+31"/>
        <location line="+18"/>
        <source>The channel was not saved: correct the fields marked in red.</source>
        <translation>Kanał nie został zapisany: popraw pola zaznaczone na czerwono.</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Channel not saved</source>
        <translation>Kanał nie został zapisany</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>The channel was not saved.</source>
        <translation>Kanał nie został zapisany.</translation>
    </message>
</context>
<context>
    <name>InventoryScreen</name>
    <message>
        <location filename="../../ui/inventory/screen.py" line="+85"/>
        <source>Filter by SKU, title or barcode (Ctrl+F)</source>
        <translation>Filtruj po SKU, tytule lub kodzie kreskowym (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Filter stock items</source>
        <translation>Filtruj pozycje magazynowe</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Location:</source>
        <translation>&amp;Lokalizacja:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Add item…</source>
        <translation>&amp;Dodaj pozycję…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Edytuj…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete…</source>
        <translation>U&amp;suń…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L&amp;ocations…</source>
        <translation>L&amp;okalizacje…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import CSV…</source>
        <translation>&amp;Importuj CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xport CSV…</source>
        <translation>E&amp;ksportuj CSV…</translation>
    </message>
    <message>
        <location line="+33"/>
        <location line="+121"/>
        <source>Select an item to see its stock per location.</source>
        <translation>Zaznacz pozycję, aby zobaczyć jej stany w lokalizacjach.</translation>
    </message>
    <message>
        <location line="-116"/>
        <source>Location</source>
        <translation>Lokalizacja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stock level</source>
        <translation>Stan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Allocated</source>
        <translation>Zarezerw.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Available</source>
        <translation>Dostępne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Held by open orders</source>
        <translation>Zarezerwowane przez otwarte zamówienia</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Linked listings:</source>
        <translation>Powiązane oferty:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Channel</source>
        <translation>Kanał</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Offer</source>
        <translation>Nr oferty</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title</source>
        <translation>Tytuł</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>All locations</source>
        <translation>Wszystkie lokalizacje</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+49"/>
        <source> (default)</source>
        <translation> (domyślna)</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Loading…</source>
        <translation>Wczytywanie…</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%1 item(s)</source>
        <translation>
            <numerusform>%1 pozycja</numerusform>
            <numerusform>%1 pozycje</numerusform>
            <numerusform>%1 pozycji</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%1 of %2 item(s)</source>
        <translation>
            <numerusform>%1 z %2 pozycji</numerusform>
            <numerusform>%1 z %2 pozycji</numerusform>
            <numerusform>%1 z %2 pozycji</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Select a stock item first: click its row, or press Down from the filter box.</source>
        <translation>Najpierw wybierz pozycję magazynową: kliknij jej wiersz albo naciśnij strzałkę w dół w polu filtra.</translation>
    </message>
    <message numerus="yes">
        <location line="+52"/>
        <source>%n stock item(s)</source>
        <translation>
            <numerusform>%n pozycję magazynową</numerusform>
            <numerusform>%n pozycje magazynowe</numerusform>
            <numerusform>%n pozycji magazynowych</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Linked to %n listing(s), which will be unlinked and no longer kept in step with stock:</source>
        <translation>
            <numerusform>Powiązana z %n ofertą, która zostanie odłączona i przestanie być synchronizowana ze stanem:</numerusform>
            <numerusform>Powiązane z %n ofertami, które zostaną odłączone i przestaną być synchronizowane ze stanem:</numerusform>
            <numerusform>Powiązane z %n ofertami, które zostaną odłączone i przestaną być synchronizowane ze stanem:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Deleted %n item(s).</source>
        <translation>
            <numerusform>Usunięto %n pozycję.</numerusform>
            <numerusform>Usunięto %n pozycje.</numerusform>
            <numerusform>Usunięto %n pozycji.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+34"/>
        <source>Imported %n row(s): %1, %2.</source>
        <translation>
            <numerusform>Zaimportowano %n wiersz: %1, %2.</numerusform>
            <numerusform>Zaimportowano %n wiersze: %1, %2.</numerusform>
            <numerusform>Zaimportowano %n wierszy: %1, %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n new item(s)</source>
        <translation>
            <numerusform>%n nowa pozycja</numerusform>
            <numerusform>%n nowe pozycje</numerusform>
            <numerusform>%n nowych pozycji</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n stock level(s) changed</source>
        <translation>
            <numerusform>%n zmieniony stan</numerusform>
            <numerusform>%n zmienione stany</numerusform>
            <numerusform>%n zmienionych stanów</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>Exported %n row(s) to %1.</source>
        <translation>
            <numerusform>Wyeksportowano %n wiersz do pliku %1.</numerusform>
            <numerusform>Wyeksportowano %n wiersze do pliku %1.</numerusform>
            <numerusform>Wyeksportowano %n wierszy do pliku %1.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-91"/>
        <source>Added %1.</source>
        <translation>Dodano %1.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Saved %1.</source>
        <translation>Zapisano %1.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Delete stock items</source>
        <translation>Usuń pozycje magazynowe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete %1? This cannot be undone.</source>
        <translation>Usunąć %1? Tego nie można cofnąć.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Usuń</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Import stock</source>
        <translation>Importuj stany</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Pliki CSV (*.csv);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Checking %1</source>
        <translation>Sprawdzanie pliku %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import cancelled; nothing was changed.</source>
        <translation>Import anulowany; nic nie zmieniono.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Importing</source>
        <translation>Importowanie</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Export stock</source>
        <translation>Eksportuj stany</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv)</source>
        <translation>Pliki CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Exporting</source>
        <translation>Eksportowanie</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Cancelling…</source>
        <translation>Anulowanie…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2 of %3</source>
        <translation>%1: %2 z %3</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <location filename="../../ui/inventory/item_dialog.py" line="+29"/>
        <source>New stock item</source>
        <translation>Nowa pozycja magazynowa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit stock item</source>
        <translation>Edytuj pozycję magazynową</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;SKU:</source>
        <translation>&amp;SKU:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Title:</source>
        <translation>&amp;Tytuł:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Barcode:</source>
        <translation>&amp;Kod kreskowy:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;Stock level&lt;/b&gt;</source>
        <translation>&lt;b&gt;Stan magazynowy&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stock level at %1</source>
        <translation>Stan w lokalizacji %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (default)</source>
        <translation> (domyślna)</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Not saved: %1</source>
        <translation>Nie zapisano: %1</translation>
    </message>
</context>
<context>
    <name>ItemsModel</name>
    <message>
        <location filename="../../ui/listings/link_dialog.py" line="+24"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title</source>
        <translation>Tytuł</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Available</source>
        <translation>Dostępne</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <location line="+11"/>
        <source>Link listing to a stock item</source>
        <translation>Powiąż ofertę z pozycją magazynową</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Listing: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Oferta: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Search by SKU or title:</source>
        <translation>&amp;Szukaj po SKU lub tytule:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Link</source>
        <translation>&amp;Powiąż</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>No stock item found: type part of its SKU or title.</source>
        <translation>Nie znaleziono pozycji magazynowej: wpisz część jej SKU lub tytułu.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type part of a SKU or title.</source>
        <translation>Wpisz fragment SKU lub tytułu.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No stock item matches.</source>
        <translation>Żadna pozycja magazynowa nie pasuje.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n match(es).</source>
        <translation>
            <numerusform>%n pasująca.</numerusform>
            <numerusform>%n pasujące.</numerusform>
            <numerusform>%n pasujących.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LinkPreview</name>
    <message>
        <location filename="../../ui/listings/link_preview.py" line="+22"/>
        <source>Link all exact matches</source>
        <translation>Powiąż wszystkie dokładne dopasowania</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Link %n listing(s), each to the one stock item with exactly its title?</source>
        <translation>
            <numerusform>Powiązać %n ofertę z jedyną pozycją magazynową o dokładnie takim samym tytule?</numerusform>
            <numerusform>Powiązać %n oferty, każdą z jedyną pozycją magazynową o dokładnie takim samym tytule?</numerusform>
            <numerusform>Powiązać %n ofert, każdą z jedyną pozycją magazynową o dokładnie takim samym tytule?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n ambiguous title(s) are left for linking by hand.</source>
        <translation>
            <numerusform>%n niejednoznaczny tytuł zostaje do ręcznego powiązania.</numerusform>
            <numerusform>%n niejednoznaczne tytuły zostają do ręcznego powiązania.</numerusform>
            <numerusform>%n niejednoznacznych tytułów zostaje do ręcznego powiązania.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n offer(s) appear in more than one channel: the same Allegro account seems to be added twice, and its listings would be linked twice.</source>
        <translation>
            <numerusform>%n oferta występuje w więcej niż jednym kanale: to samo konto Allegro wygląda na dodane dwa razy, a jego oferty zostałyby powiązane dwukrotnie.</numerusform>
            <numerusform>%n oferty występują w więcej niż jednym kanale: to samo konto Allegro wygląda na dodane dwa razy, a jego oferty zostałyby powiązane dwukrotnie.</numerusform>
            <numerusform>%n ofert występuje w więcej niż jednym kanale: to samo konto Allegro wygląda na dodane dwa razy, a jego oferty zostałyby powiązane dwukrotnie.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>&amp;Link %n listing(s)</source>
        <translation>
            <numerusform>&amp;Powiąż %n ofertę</numerusform>
            <numerusform>&amp;Powiąż %n oferty</numerusform>
            <numerusform>&amp;Powiąż %n ofert</numerusform>
        </translation>
    </message>
    <message>
        <location line="-30"/>
        <source>By channel: %1.</source>
        <translation>Według kanałów: %1.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Listings to link</source>
        <translation>Oferty do powiązania</translation>
    </message>
</context>
<context>
    <name>ListingsModel</name>
    <message>
        <location filename="../../ui/listings/screen.py" line="+74"/>
        <source>Offer ID</source>
        <translation>Nr oferty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>Tytuł</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qty</source>
        <translation>Szt.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quantity on Allegro at the last sync</source>
        <translation>Liczba sztuk na Allegro przy ostatniej synchronizacji</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bids</source>
        <translation>Licyt.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bids on the auction</source>
        <translation>Oferty kupna w licytacji</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The stock item this listing sells (its title in the tooltip)</source>
        <translation>Pozycja magazynowa sprzedawana w tej ofercie (jej tytuł w podpowiedzi)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Available</source>
        <translation>Dostępne</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Available stock that the next sync sends</source>
        <translation>Dostępny stan, który wyśle następna synchronizacja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suggestion</source>
        <translation>Propozycja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stock items whose title equals the listing&apos;s</source>
        <translation>Pozycje magazynowe o takim samym tytule jak oferta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>Kanał</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Several stock items have this title: link by hand (Link…), it is never guessed.</source>
        <translation>Ten tytuł ma kilka pozycji magazynowych: powiąż ręcznie (Powiąż…), program nigdy nie zgaduje.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Ending this auction sells it to the top bidder.</source>
        <translation>Zakończenie tej licytacji sprzeda przedmiot najwyżej licytującemu.</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Oversell risk: live on Allegro with nothing available to send. A buyer can still buy it. End it (Sync now proposes it again), or restock it.</source>
        <translation>Ryzyko sprzedaży bez towaru: oferta jest aktywna na Allegro, a nie ma czego wysłać. Kupujący wciąż może ją kupić. Zakończ ją (Synchronizuj teraz zaproponuje to ponownie) albo uzupełnij stan.</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Changed outside the app at the last sync: %1</source>
        <translation>Zmieniona poza programem przy ostatniej synchronizacji: %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Ended outside this app (sold out, its time ran out, or ended on Allegro), so the app will not relist it, even with stock: it relists only the listings it ended itself for lack of stock. Relist it on Allegro to sell it again.</source>
        <translation>Zakończona poza programem (wyprzedana, minął jej czas albo zakończona na Allegro), więc program nie wystawi jej ponownie, nawet gdy towar jest: ponownie wystawia tylko oferty, które sam zakończył z braku towaru. Wystaw ją ponownie na Allegro, aby znów sprzedawać.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ended over 60 days ago: Allegro no longer relists it, so the app will not either.</source>
        <translation>Zakończona ponad 60 dni temu: Allegro już jej nie wystawi ponownie, więc program też nie.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Struck off: it will not be relisted. Reinstate it to let the sync relist it when stock returns.</source>
        <translation>Wykreślona: nie zostanie wystawiona ponownie. Przywróć ją, aby synchronizacja wystawiła ją, gdy wróci towar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ended by this app when stock ran out; the sync relists it when stock returns.</source>
        <translation>Zakończona przez program, gdy skończył się towar; synchronizacja wystawi ją ponownie, gdy towar wróci.</translation>
    </message>
</context>
<context>
    <name>ListingsScreen</name>
    <message>
        <location line="-88"/>
        <source>All listings</source>
        <translation>Wszystkie oferty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlinked</source>
        <translation>Niepowiązane</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Linked</source>
        <translation>Powiązane</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exact-title suggestions</source>
        <translation>Propozycje po dokładnym tytule</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ambiguous titles</source>
        <translation>Niejednoznaczne tytuły</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Live</source>
        <translation>Aktywne</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pending relist</source>
        <translation>Czekają na ponowne wystawienie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Struck off</source>
        <translation>Wykreślone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expired</source>
        <translation>Wygasłe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ended</source>
        <translation>Zakończone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auctions with bids</source>
        <translation>Licytacje z ofertami kupna</translation>
    </message>
    <message>
        <location line="+115"/>
        <source>Filter by offer id, title, SKU or status (Ctrl+F)</source>
        <translation>Filtruj: nr oferty, tytuł, SKU, status (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Filter listings</source>
        <translation>Filtruj oferty</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Link…</source>
        <translation>Pow&amp;iąż…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Unlink</source>
        <translation>&amp;Odłącz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Link the selected listings to the one stock item with the same title</source>
        <translation>Powiąż zaznaczone oferty z jedyną pozycją magazynową o tym samym tytule</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link all e&amp;xact matches</source>
        <translation>Powiąż wszystkie &amp;dokładne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Link every unlinked listing shown whose title matches exactly one stock item; ambiguous ones are left</source>
        <translation>Powiąż każdą widoczną niepowiązaną ofertę, której tytuł pasuje do dokładnie jednej pozycji magazynowej; niejednoznaczne zostaną pominięte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;trike off</source>
        <translation>Wykr&amp;eśl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Never relist this pending-relist listing</source>
        <translation>Nigdy nie wystawiaj ponownie tej oferty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reinstate</source>
        <translation>Prz&amp;ywróć</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+18"/>
        <source>Undo</source>
        <translation>Cofnij</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Undo the last change (Ctrl+Z)</source>
        <translation>Cofnij ostatnią zmianę (Ctrl+Z)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Nothing to undo: linking, unlinking, striking off and reinstating can be undone here.</source>
        <translation>Nie ma czego cofnąć: tutaj można cofnąć powiązanie, odłączenie, wykreślenie i przywrócenie.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Undo %1</source>
        <translation>Cofnij: %1</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Loading…</source>
        <translation>Wczytywanie…</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>%1 listing(s)</source>
        <translation>
            <numerusform>%1 oferta</numerusform>
            <numerusform>%1 oferty</numerusform>
            <numerusform>%1 ofert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%1 of %2 listing(s)</source>
        <translation>
            <numerusform>%1 z %2 ofert</numerusform>
            <numerusform>%1 z %2 ofert</numerusform>
            <numerusform>%1 z %2 ofert</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Select a listing first: click its row, or press Down from the filter box.</source>
        <translation>Najpierw wybierz ofertę: kliknij jej wiersz albo naciśnij strzałkę w dół w polu filtra.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A relisted listing lives on as its new offer: link that one.</source>
        <translation>Oferta wystawiona ponownie żyje dalej jako nowa oferta: powiąż tamtą.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>None of the selected listings is linked.</source>
        <translation>Żadna z wybranych ofert nie jest powiązana.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No selected listing has a stock item with exactly its title.</source>
        <translation>Żadna z wybranych ofert nie ma pozycji magazynowej o dokładnie takim tytule.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only listings pending relist can be struck off.</source>
        <translation>Wykreślić można tylko oferty czekające na ponowne wystawienie.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only struck-off listings can be reinstated.</source>
        <translation>Przywrócić można tylko wykreślone oferty.</translation>
    </message>
    <message numerus="yes">
        <location line="+44"/>
        <location line="+17"/>
        <source>Linked %n listing(s) by exact title</source>
        <translation>
            <numerusform>Powiązano %n ofertę po dokładnym tytule</numerusform>
            <numerusform>Powiązano %n oferty po dokładnym tytule</numerusform>
            <numerusform>Powiązano %n ofert po dokładnym tytule</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>; %n ambiguous title(s) left to link by hand (Ctrl+Z undoes it)</source>
        <translation>
            <numerusform>; %n niejednoznaczny tytuł do powiązania ręcznie (Ctrl+Z cofa)</numerusform>
            <numerusform>; %n niejednoznaczne tytuły do powiązania ręcznie (Ctrl+Z cofa)</numerusform>
            <numerusform>; %n niejednoznacznych tytułów do powiązania ręcznie (Ctrl+Z cofa)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Struck off %n listing(s): they will not be relisted</source>
        <translation>
            <numerusform>Wykreślono %n ofertę: nie będzie wystawiana ponownie</numerusform>
            <numerusform>Wykreślono %n oferty: nie będą wystawiane ponownie</numerusform>
            <numerusform>Wykreślono %n ofert: nie będą wystawiane ponownie</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Reinstated %n listing(s)</source>
        <translation>
            <numerusform>Przywrócono %n ofertę</numerusform>
            <numerusform>Przywrócono %n oferty</numerusform>
            <numerusform>Przywrócono %n ofert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>; %n past Allegro&apos;s 60 days are expired</source>
        <translation>
            <numerusform>; %n po 60 dniach Allegro wygasła</numerusform>
            <numerusform>; %n po 60 dniach Allegro wygasły</numerusform>
            <numerusform>; %n po 60 dniach Allegro wygasło</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Undone: %1</source>
        <translation>Cofnięto: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redone: %1</source>
        <translation>Ponowiono: %1</translation>
    </message>
    <message>
        <location line="-99"/>
        <location line="+65"/>
        <location line="+15"/>
        <source> (Ctrl+Z undoes it)</source>
        <translation> (Ctrl+Z cofa)</translation>
    </message>
    <message>
        <location line="-232"/>
        <source>Accept su&amp;ggestion</source>
        <translation>Przyjmij p&amp;ropozycję</translation>
    </message>
    <message>
        <location line="+168"/>
        <source>Linked offer %1</source>
        <translation>Powiązano ofertę %1</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n listing(s)</source>
        <translation>
            <numerusform>%n oferta</numerusform>
            <numerusform>%n oferty</numerusform>
            <numerusform>%n ofert</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlinked %1</source>
        <translation>Odłączono %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No unlinked listing shown has exactly one stock item with its title.</source>
        <translation>Żadna widoczna niepowiązana oferta nie ma dokładnie jednej pozycji magazynowej o swoim tytule.</translation>
    </message>
    <message>
        <location line="-323"/>
        <source>Oversell risk</source>
        <translation>Ryzyko sprzedaży bez towaru</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed on Allegro</source>
        <translation>Zmienione na Allegro</translation>
    </message>
    <message>
        <location line="+325"/>
        <source>Nothing was linked.</source>
        <translation>Niczego nie powiązano.</translation>
    </message>
</context>
<context>
    <name>LocationsDialog</name>
    <message>
        <location filename="../../ui/inventory/locations_dialog.py" line="+37"/>
        <location line="+6"/>
        <source>Locations</source>
        <translation>Lokalizacje</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nazwa:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Add</source>
        <translation>&amp;Dodaj</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rename</source>
        <translation>&amp;Zmień nazwę</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set as de&amp;fault</source>
        <translation>Ustaw jako do&amp;myślną</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete…</source>
        <translation>U&amp;suń…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>  (default)</source>
        <translation>  (domyślna)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Select a location in the list first.</source>
        <translation>Najpierw wybierz lokalizację z listy.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Delete location</source>
        <translation>Usuń lokalizację</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the location %1?</source>
        <translation>Usunąć lokalizację %1?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Usuń</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only an empty location can be deleted. A channel that syncs from it will need another location.</source>
        <translation>Usunąć można tylko pustą lokalizację. Kanał, który z niej synchronizuje stany, będzie potrzebował innej lokalizacji.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="+34"/>
        <location line="+152"/>
        <source>Allegro Channel Manager</source>
        <translation>Allegro Channel Manager</translation>
    </message>
    <message>
        <location line="-139"/>
        <location line="+140"/>
        <source>Screens</source>
        <translation>Ekrany</translation>
    </message>
    <message>
        <location line="-116"/>
        <location line="+121"/>
        <source>Data folder: %1</source>
        <translation>Folder danych: %1</translation>
    </message>
    <message>
        <location line="-118"/>
        <source>Ready</source>
        <translation>Gotowe</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;File</source>
        <translation>&amp;Plik</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Sync now</source>
        <translation>&amp;Synchronizuj teraz</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Quit</source>
        <translation>&amp;Zakończ</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;View</source>
        <translation>&amp;Widok</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Settings</source>
        <translation>&amp;Ustawienia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Channel Integration…</source>
        <translation>&amp;Integracja kanałów…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferencje…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Help</source>
        <translation>Pomo&amp;c</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the &amp;log folder</source>
        <translation>Otwórz folder &amp;logów</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;About</source>
        <translation>&amp;O programie</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Preferences saved.</source>
        <translation>Zapisano preferencje.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preferences saved. The app speaks %1 now.</source>
        <translation>Zapisano preferencje. Język programu: %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Preferences saved. The app speaks %1 from its next start: a sync or an import is running, or the Channel Integration window is open.</source>
        <translation>Zapisano preferencje. Nowy język (%1) obowiązuje od następnego uruchomienia: trwa synchronizacja lub import albo otwarte jest okno integracji kanałów.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>A sync is already running.</source>
        <translation>Synchronizacja już trwa.</translation>
    </message>
</context>
<context>
    <name>OrdersModel</name>
    <message>
        <location filename="../../ui/orders/screen.py" line="+83"/>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>Kanał</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order</source>
        <translation>Zamówienie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Allegro&apos;s post-buy form id</source>
        <translation>Numer formularza pozakupowego Allegro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buyer</source>
        <translation>Kupujący</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items</source>
        <translation>Szt.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pieces bought in the order</source>
        <translation>Kupione sztuki w zamówieniu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>Kwota</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Currency</source>
        <translation>Waluta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment</source>
        <translation>Płatność</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tracking</source>
        <translation>Przesyłka</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%n item(s) not linked to stock: they hold no stock</source>
        <translation>
            <numerusform>%n pozycja niepowiązana z magazynem: nie rezerwuje towaru</numerusform>
            <numerusform>%n pozycje niepowiązane z magazynem: nie rezerwują towaru</numerusform>
            <numerusform>%n pozycji niepowiązanych z magazynem: nie rezerwują towaru</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrdersScreen</name>
    <message>
        <location line="-44"/>
        <source>All orders</source>
        <translation>Wszystkie zamówienia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>Otwarte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipped</source>
        <translation>Wysłane</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Anulowane</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With unlinked items</source>
        <translation>Z niepowiązanymi pozycjami</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tracking problems</source>
        <translation>Problemy z przesyłkami</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Filter by order, buyer, status or tracking number (Ctrl+F)</source>
        <translation>Filtruj: zamówienie, kupujący, przesyłka (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Filter orders</source>
        <translation>Filtruj zamówienia</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+170"/>
        <source>Select an order to see its items and shipping.</source>
        <translation>Zaznacz zamówienie, aby zobaczyć jego pozycje i wysyłkę.</translation>
    </message>
    <message>
        <location line="-155"/>
        <location line="+10"/>
        <source>Title</source>
        <translation>Tytuł</translation>
    </message>
    <message>
        <location line="-10"/>
        <location line="+10"/>
        <source>Offer</source>
        <translation>Nr oferty</translation>
    </message>
    <message>
        <location line="-10"/>
        <location line="+10"/>
        <source>Qty</source>
        <translation>Szt.</translation>
    </message>
    <message>
        <location line="-10"/>
        <location line="+11"/>
        <source>Price</source>
        <translation>Cena</translation>
    </message>
    <message>
        <location line="-11"/>
        <location line="+11"/>
        <source>Link</source>
        <translation>Powiązanie</translation>
    </message>
    <message>
        <location line="-11"/>
        <location line="+11"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Pieces bought</source>
        <translation>Kupione sztuki</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The stock item it takes from</source>
        <translation>Pozycja magazynowa, z której schodzi towar</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Link item to stock…</source>
        <translation>Pow&amp;iąż z magazynem…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Also link the listing</source>
        <translation>Powiąż też ofertę</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Link the offer&apos;s listing too, so its next orders link themselves</source>
        <translation>Powiąż też ofertę, aby jej kolejne zamówienia wiązały się same</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Shipping</source>
        <translation>Wysyłka</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Other (name it)</source>
        <translation>Inny (podaj nazwę)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Carrier name</source>
        <translation>Nazwa przewoźnika</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+32"/>
        <source>Tracking number</source>
        <translation>Numer przesyłki</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>&amp;Carrier:</source>
        <translation>P&amp;rzewoźnik:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Tracking number:</source>
        <translation>Nu&amp;mer przesyłki:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Mark shipped…</source>
        <translation>&amp;Oznacz jako wysłane…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Add tracking number</source>
        <translation>&amp;Dodaj numer przesyłki</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Change the selected tracking number; it is sent again at the next sync</source>
        <translation>Zmień zaznaczony numer przesyłki; zostanie wysłany ponownie przy następnej synchronizacji</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Carrier</source>
        <translation>Przewoźnik</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Allegro</source>
        <translation>Allegro</translation>
    </message>
    <message numerus="yes">
        <location line="+47"/>
        <source>%1 order(s)</source>
        <translation>
            <numerusform>%1 zamówienie</numerusform>
            <numerusform>%1 zamówienia</numerusform>
            <numerusform>%1 zamówień</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%1 of %2 order(s)</source>
        <translation>
            <numerusform>%1 z %2 zamówień</numerusform>
            <numerusform>%1 z %2 zamówień</numerusform>
            <numerusform>%1 z %2 zamówień</numerusform>
        </translation>
    </message>
    <message>
        <location line="+105"/>
        <source>Select an order, then one of its items.</source>
        <translation>Wybierz zamówienie, a potem jedną z jego pozycji.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Select an order first: click its row, or press Down from the filter box.</source>
        <translation>Najpierw wybierz zamówienie: kliknij jego wiersz albo naciśnij strzałkę w dół w polu filtra.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only an open order can be marked shipped; this one is not open.</source>
        <translation>Jako wysłane można oznaczyć tylko otwarte zamówienie; to nie jest otwarte.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A tracking number is added to a shipped order; mark this one shipped first.</source>
        <translation>Numer przesyłki dodaje się do wysłanego zamówienia; najpierw oznacz to jako wysłane.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Select a tracking number that Allegro rejected or that was not sent yet, then correct it.</source>
        <translation>Wybierz numer przesyłki odrzucony przez Allegro albo jeszcze niewysłany, a potem go popraw.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allegro has accepted this tracking number; it can no longer be changed.</source>
        <translation>Allegro przyjęło ten numer przesyłki; nie można go już zmienić.</translation>
    </message>
    <message numerus="yes">
        <location line="+90"/>
        <source>%n linked item(s) are taken off stock at %2.</source>
        <translation>
            <numerusform>%n powiązana sztuka zostanie zdjęta ze stanu w lokalizacji %2.</numerusform>
            <numerusform>%n powiązane sztuki zostaną zdjęte ze stanu w lokalizacji %2.</numerusform>
            <numerusform>%n powiązanych sztuk zostanie zdjętych ze stanu w lokalizacji %2.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-161"/>
        <source>Order</source>
        <translation>Zamówienie</translation>
    </message>
    <message>
        <location line="-124"/>
        <source>Carr&amp;ier name:</source>
        <translation>&amp;Nazwa przewoźnika:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Save corr&amp;ection</source>
        <translation>Zapi&amp;sz poprawkę</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>Buyer</source>
        <translation>Kupujący</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>postage</source>
        <translation>wysyłka</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>payment</source>
        <translation>płatność</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No shipping address given.</source>
        <translation>Nie podano adresu dostawy.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message from the buyer: %1</source>
        <translation>Wiadomość od kupującego: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Not linked to a stock item: it holds no stock. Link it with “Link item to stock…”.</source>
        <translation>Niepowiązana z pozycją magazynową: nie rezerwuje towaru. Powiąż ją przyciskiem „Powiąż z magazynem…”.</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Why: %1</source>
        <translation>Powód: %1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Leave empty to ship without a tracking number.</source>
        <translation>Zostaw puste, aby wysłać bez numeru przesyłki.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Allegro refused this number; correct it, then Save correction.</source>
        <translation>Allegro odrzuciło ten numer; popraw go i naciśnij Zapisz poprawkę.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Looks right for %1.</source>
        <translation>Wygląda poprawnie dla przewoźnika %1.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>no location</source>
        <translation>brak lokalizacji</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No item of this order is linked to stock, so no stock changes.</source>
        <translation>Żadna pozycja zamówienia nie jest powiązana z magazynem, więc stany się nie zmienią.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tracking number %1 (%2) goes to Allegro at the next sync.</source>
        <translation>Numer przesyłki %1 (%2) trafi do Allegro przy następnej synchronizacji.</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>No tracking number: you can add one later.</source>
        <translation>Bez numeru przesyłki: możesz go dodać później.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+2"/>
        <source>Mark shipped</source>
        <translation>Oznacz jako wysłane</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Mark order %1 shipped? This cannot be undone.</source>
        <translation>Oznaczyć zamówienie %1 jako wysłane? Tego nie można cofnąć.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Order %1 is shipped.</source>
        <translation>Zamówienie %1 jest wysłane.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Tracking number %1 added; it goes to Allegro at the next sync.</source>
        <translation>Dodano numer przesyłki %1; trafi do Allegro przy następnej synchronizacji.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Allegro already refused exactly this number; change the number or the carrier.</source>
        <translation>Allegro już odrzuciło dokładnie ten numer; zmień numer albo przewoźnika.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tracking number corrected; it goes to Allegro at the next sync.</source>
        <translation>Poprawiono numer przesyłki; trafi do Allegro przy następnej synchronizacji.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Linked “%1”.</source>
        <translation>Powiązano „%1”.</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>Tracking number %1 added.</source>
        <translation>Dodano numer przesyłki %1.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Tracking number corrected.</source>
        <translation>Poprawiono numer przesyłki.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is not sent to Allegro: Submit Tracking Info is off for %2. Tick it in the channel&apos;s options to send it.</source>
        <translation>%1 nie jest wysyłany do Allegro: opcja Wysyłaj numery przesyłek jest wyłączona dla %2. Zaznacz ją w opcjach kanału, aby go wysłać.</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../ui/preferences.py" line="+121"/>
        <source>Preferences</source>
        <translation>Preferencje</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+10"/>
        <source>Language</source>
        <translation>Język</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Follow the system (%1)</source>
        <translation>Jak w systemie (%1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The language of the app&apos;s windows and messages.</source>
        <translation>Język okien i komunikatów programu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language:</source>
        <translation>&amp;Język:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The windows change to the new language when you press OK (while a sync runs, from the next start).</source>
        <translation>Okna zmienią język po naciśnięciu OK (gdy trwa synchronizacja, przy następnym uruchomieniu).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sync</source>
        <translation>Synchronizacja</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sync all enabled channels &amp;automatically every</source>
        <translation>Synchronizuj wszystkie włączone kanały automatycz&amp;nie co</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Off by default. Orders come in and quantities go out on their own; listings to end or relist wait for your confirmation unless the channel has No Manual Confirmation.</source>
        <translation>Domyślnie wyłączone. Zamówienia spływają, a stany wychodzą same; oferty do zakończenia lub ponownego wystawienia czekają na Twoje potwierdzenie, chyba że kanał ma opcję Bez ręcznego potwierdzania.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minutes between automatic syncs</source>
        <translation>Minuty między automatycznymi synchronizacjami</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>When several computers share one database, turn this on on one of them only. Closing the window keeps auto-sync running next to the clock (system tray).</source>
        <translation>Gdy kilka komputerów korzysta z jednej bazy, włącz to tylko na jednym z nich. Po zamknięciu okna automatyczna synchronizacja działa dalej obok zegara (w zasobniku systemowym).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Database</source>
        <translation>Baza danych</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Database in use</source>
        <translation>Używana baza danych</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In use now:</source>
        <translation>Teraz w użyciu:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open &amp;data folder</source>
        <translation>Otwórz folder &amp;danych</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Data folder:</source>
        <translation>Folder danych:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Database URL</source>
        <translation>Adres bazy danych</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>To share one PostgreSQL database between several desks, enter its address here. Leave it empty to keep the database file in the data folder.</source>
        <translation>Aby kilka stanowisk korzystało z jednej bazy PostgreSQL, wpisz tu jej adres. Zostaw puste, aby baza pozostała plikiem w folderze danych.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Database &amp;URL:</source>
        <translation>Adres &amp;bazy danych:</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Allegro application</source>
        <translation>Aplikacja Allegro</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>REST channels connect through your application at Allegro: register a desktop application once at apps.developer.allegro.pl (it runs without a browser) and paste its Client ID and Secret here. The built-in Sandbox has its demo application filled in.</source>
        <translation>Kanały REST łączą się przez Twoją aplikację w Allegro: zarejestruj raz aplikację desktopową na apps.developer.allegro.pl (działa bez przeglądarki) i wklej tu jej Client ID i Client Secret. Wbudowany Sandbox ma wpisaną swoją aplikację demonstracyjną.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Allegro (allegro.pl)</source>
        <translation>Allegro (allegro.pl)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allegro&apos;s own sandbox (allegrosandbox.pl)</source>
        <translation>Piaskownica Allegro (allegrosandbox.pl)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Built-in Sandbox</source>
        <translation>Wbudowany Sandbox</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;For:</source>
        <translation>Ś&amp;rodowisko:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Client &amp;ID:</source>
        <translation>Client &amp;ID:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Client &amp;Secret:</source>
        <translation>Client &amp;Secret:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Logs</source>
        <translation>Logi</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open the lo&amp;g folder</source>
        <translation>Otwórz folder &amp;logów</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>The %1 environment variable is set (%2); it is used instead of this field.</source>
        <translation>Ustawiona jest zmienna środowiskowa %1 (%2); ma pierwszeństwo przed tym polem.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The new database is opened at the next start of the app.</source>
        <translation>Nowa baza zostanie otwarta przy następnym uruchomieniu programu.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leave it empty to go back to the database file in the data folder (from the next start).</source>
        <translation>Zostaw puste, aby wrócić do pliku bazy w folderze danych (od następnego uruchomienia).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Empty: the database is the file in the data folder. To share one PostgreSQL database between several computers, enter its address; it is used from the next start.</source>
        <translation>Puste: baza to plik w folderze danych. Aby kilka komputerów korzystało z jednej bazy PostgreSQL, wpisz jej adres; zadziała od następnego uruchomienia.</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <location filename="../../ui/inventory/import_dialog.py" line="-60"/>
        <source>Line</source>
        <translation>Wiersz</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
</context>
<context>
    <name>RestAccountForm</name>
    <message>
        <location filename="../../ui/channels/rest_form.py" line="+184"/>
        <source>Testing</source>
        <translation>Testowanie</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Su&amp;bSource</source>
        <translation>&amp;Nazwa kanału</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SubSource</source>
        <translation>Nazwa kanału</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The name this channel appears as in the app, its orders and reports, e.g. MyAllegroChannel.</source>
        <translation>Nazwa, pod którą kanał występuje w programie, jego zamówieniach i raportach, np. MojeAllegro.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Default Currency</source>
        <translation>Do&amp;myślna waluta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Default Currency</source>
        <translation>Domyślna waluta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The currency given to orders and the channel when Allegro names none.</source>
        <translation>Waluta nadawana zamówieniom i kanałowi, gdy Allegro jej nie podaje.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Where this channel&apos;s Allegro account lives. To sell through another environment, add a new channel for it.</source>
        <translation>Gdzie działa konto Allegro tego kanału. Aby sprzedawać w innym środowisku, dodaj dla niego nowy kanał.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Environment:</source>
        <translation>Środowisko:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connected as:</source>
        <translation>Połączono jako:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+61"/>
        <source>&amp;Reconnect with Allegro…</source>
        <translation>Połącz &amp;ponownie z Allegro…</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Shows a code and opens allegro.pl: log in there as the seller and approve the application. Needed when Allegro ended the connection, or to connect another account.</source>
        <translation>Pokazuje kod i otwiera allegro.pl: zaloguj się tam jako sprzedawca i zatwierdź aplikację. Potrzebne, gdy Allegro zakończyło połączenie, albo by połączyć inne konto.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A REST channel signs in by Allegro&apos;s approval page: the app keeps the login in the system keyring, never your password. There is no WebAPI key or version to keep up to date.</source>
        <translation>Kanał REST loguje się przez stronę zatwierdzenia Allegro: program przechowuje logowanie w systemowym magazynie haseł, nigdy Twoje hasło. Nie ma klucza WebAPI ani jego wersji do pilnowania.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+162"/>
        <source>&amp;Test</source>
        <translation>&amp;Testuj</translation>
    </message>
    <message>
        <location line="-160"/>
        <source>Test the connection to Allegro</source>
        <translation>Przetestuj połączenie z Allegro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask Allegro which account this channel&apos;s login reaches (GET /me).</source>
        <translation>Zapytaj Allegro, do którego konta prowadzi logowanie tego kanału (GET /me).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop waiting for the Test</source>
        <translation>Przestań czekać na wynik testu</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>an Allegro account (Test says which)</source>
        <translation>konto Allegro (Test powie które)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not connected: use Connect with Allegro.</source>
        <translation>Niepołączony: użyj „Połącz z Allegro”.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Connect with Allegro…</source>
        <translation>&amp;Połącz z Allegro…</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>This channel was deleted meanwhile; nothing was stored.</source>
        <translation>Ten kanał został w międzyczasie usunięty; niczego nie zapisano.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connected as %1.</source>
        <translation>Połączono jako %1.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Asking Allegro which account this channel reaches…</source>
        <translation>Pytam Allegro, do którego konta prowadzi ten kanał…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Test cancelled.</source>
        <translation>Test anulowany.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Testing…</source>
        <translation>Testowanie…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>OK: connected to Allegro as %1.</source>
        <translation>OK: połączono z Allegro jako %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Test failed</source>
        <translation>Test nieudany</translation>
    </message>
</context>
<context>
    <name>RestIntegrationScreen</name>
    <message>
        <location line="-404"/>
        <source>Back</source>
        <translation>Wstecz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to Add New Channel</source>
        <translation>Wróć do „Dodaj nowy kanał”</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;Allegro.pl integration&lt;/b&gt;</source>
        <translation>&lt;b&gt;Integracja Allegro.pl&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>for example MyAllegroChannel</source>
        <translation>np. MojKanalAllegro</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+99"/>
        <source>Allegro (allegro.pl)</source>
        <translation>Allegro (allegro.pl)</translation>
    </message>
    <message>
        <location line="-98"/>
        <location line="+99"/>
        <source>Allegro&apos;s own sandbox (allegrosandbox.pl)</source>
        <translation>Piaskownica Allegro (allegrosandbox.pl)</translation>
    </message>
    <message>
        <location line="-98"/>
        <location line="+100"/>
        <source>Built-in Sandbox (demo shop on this computer)</source>
        <translation>Wbudowany Sandbox (sklep demonstracyjny na tym komputerze)</translation>
    </message>
    <message>
        <location line="-99"/>
        <source>Another address…</source>
        <translation>Inny adres…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;SubSource</source>
        <translation>&amp;Nazwa kanału</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Default Currency</source>
        <translation>&amp;Waluta domyślna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Environment</source>
        <translation>Ś&amp;rodowisko</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add&amp;ress</source>
        <translation>&amp;Adres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Connect with Allegro</source>
        <translation>&amp;Połącz z Allegro</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connect with Allegro shows a code and opens allegro.pl: log in there as the seller and approve the application. The app keeps the login in the system keyring, never your password.</source>
        <translation>„Połącz z Allegro” pokazuje kod i otwiera allegro.pl: zaloguj się tam jako sprzedawca i zatwierdź aplikację. Program przechowuje logowanie w systemowym magazynie haseł, nigdy Twoje hasło.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Enter a SubSource: the name this channel appears as.</source>
        <translation>Wpisz nazwę kanału, pod którą będzie widoczny.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Another channel is already called “%1”. Choose a different SubSource.</source>
        <translation>Inny kanał nazywa się już „%1”. Wybierz inną nazwę.</translation>
    </message>
</context>
<context>
    <name>RowsModel</name>
    <message>
        <location filename="../../ui/inventory/import_dialog.py" line="+10"/>
        <source>Line</source>
        <translation>Wiersz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>Tytuł</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location</source>
        <translation>Lokalizacja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantity</source>
        <translation>Ilość</translation>
    </message>
</context>
<context>
    <name>RunsModel</name>
    <message>
        <location filename="../../ui/sync/screen.py" line="+77"/>
        <source>Started</source>
        <translation>Początek</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>Kanał</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>Wynik</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Took</source>
        <translation>Czas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orders</source>
        <translation>Zamów.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Orders imported</source>
        <translation>Pobrane zamówienia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qty sent</source>
        <translation>Stany</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quantities sent to Allegro</source>
        <translation>Stany wysłane do Allegro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ended</source>
        <translation>Zakończ.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Listings ended</source>
        <translation>Zakończone oferty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relisted</source>
        <translation>Ponowne</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Listings relisted</source>
        <translation>Ponownie wystawione</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tracking</source>
        <translation>Przesył.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tracking numbers accepted</source>
        <translation>Przyjęte numery przesyłek</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problems</source>
        <translation>Problemy</translation>
    </message>
</context>
<context>
    <name>Screens</name>
    <message>
        <location filename="../../ui/screens.py" line="+11"/>
        <source>Overview</source>
        <translation>Przegląd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inventory</source>
        <translation>Magazyn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listings</source>
        <translation>Oferty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orders</source>
        <translation>Zamówienia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync</source>
        <translation>Synchronizacja</translation>
    </message>
</context>
<context>
    <name>StockModel</name>
    <message>
        <location filename="../../ui/inventory/screen.py" line="-339"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>Tytuł</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Barcode</source>
        <translation>Kod kreskowy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stock level</source>
        <translation>Stan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quantity counted in stock</source>
        <translation>Liczba sztuk w magazynie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allocated</source>
        <translation>Zarezerw.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Held by open orders</source>
        <translation>Zarezerwowane przez otwarte zamówienia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Available</source>
        <translation>Dostępne</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stock level minus allocated</source>
        <translation>Stan minus zarezerwowane</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listings</source>
        <translation>Oferty</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Listings linked to this item</source>
        <translation>Oferty powiązane z tą pozycją</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Open orders need more than is in stock</source>
        <translation>Otwarte zamówienia potrzebują więcej, niż jest w magazynie</translation>
    </message>
</context>
<context>
    <name>SyncScreen</name>
    <message>
        <location filename="../../ui/sync/screen.py" line="-32"/>
        <source>All runs</source>
        <translation>Wszystkie wyniki</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partly failed</source>
        <translation>Z błędami</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Nieudane</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Anulowane</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With problems</source>
        <translation>Z problemami</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>; nothing needed changing.</source>
        <translation>; nic nie wymagało zmian.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>done</source>
        <translation>gotowe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done with problems</source>
        <translation>gotowe, z problemami</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>nieudane</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled</source>
        <translation>anulowane</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>&lt;b&gt;History&lt;/b&gt;</source>
        <translation>&lt;b&gt;Historia&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Filter runs (channel, outcome, date, problem text)</source>
        <translation>Filtruj: kanał, wynik, data, treść problemu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter sync runs</source>
        <translation>Filtruj synchronizacje</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Channel of the runs shown</source>
        <translation>Kanał pokazywanych synchronizacji</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Outcome of the runs shown</source>
        <translation>Wynik pokazywanych synchronizacji</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>What the selected run did</source>
        <translation>Co zrobiła zaznaczona synchronizacja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select a run to see what it did and every problem.</source>
        <translation>Zaznacz synchronizację, aby zobaczyć, co zrobiła, i wszystkie problemy.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>&lt;b&gt;Last %n day(s)&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;Ostatni %n dzień&lt;/b&gt;</numerusform>
            <numerusform>&lt;b&gt;Ostatnie %n dni&lt;/b&gt;</numerusform>
            <numerusform>&lt;b&gt;Ostatnie %n dni&lt;/b&gt;</numerusform>
        </translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Sync with Allegro</source>
        <translation>Synchronizacja z Allegro</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Anuluj</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sync all enabled channels &amp;automatically every</source>
        <translation>Synchronizuj wszystkie włączone kanały automatycz&amp;nie co</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Off by default. Run it on one computer only: two computers syncing one account import orders twice.</source>
        <translation>Domyślnie wyłączone. Włącz tylko na jednym komputerze: dwa komputery synchronizujące jedno konto pobiorą zamówienia dwa razy.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minutes between automatic syncs</source>
        <translation>Minuty między automatycznymi synchronizacjami</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Ready.</source>
        <translation>Gotowe.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>All enabled channels</source>
        <translation>Wszystkie włączone kanały</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All channels</source>
        <translation>Wszystkie kanały</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No channel is enabled: add or enable one under Settings → Channel Integration.</source>
        <translation>Żaden kanał nie jest włączony: dodaj lub włącz kanał w Ustawienia → Integracja kanałów.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No enabled channel: add one under Settings → Channel Integration.</source>
        <translation>Brak włączonego kanału: dodaj go w Ustawienia → Integracja kanałów.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No enabled channel to sync.</source>
        <translation>Brak włączonego kanału do synchronizacji.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1: cancelled; nothing more was sent.</source>
        <translation>%1: anulowano; nic więcej nie zostało wysłane.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: starting…</source>
        <translation>%1: rozpoczynanie…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> — %1 of %2</source>
        <translation> — %1 z %2</translation>
    </message>
    <message numerus="yes">
        <location line="+37"/>
        <source>%1: %n listing(s) to end or relist wait for your confirmation; press Sync now to review them.</source>
        <translation>
            <numerusform>%1: %n oferta do zakończenia lub ponownego wystawienia czeka na Twoje potwierdzenie; naciśnij Synchronizuj teraz, aby ją przejrzeć.</numerusform>
            <numerusform>%1: %n oferty do zakończenia lub ponownego wystawienia czekają na Twoje potwierdzenie; naciśnij Synchronizuj teraz, aby je przejrzeć.</numerusform>
            <numerusform>%1: %n ofert do zakończenia lub ponownego wystawienia czeka na Twoje potwierdzenie; naciśnij Synchronizuj teraz, aby je przejrzeć.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%1: the mass-end brake held %n change(s); press Sync now to answer its question.</source>
        <translation>
            <numerusform>%1: hamulec masowego kończenia wstrzymał %n zmianę; naciśnij Synchronizuj teraz, aby odpowiedzieć na jego pytanie.</numerusform>
            <numerusform>%1: hamulec masowego kończenia wstrzymał %n zmiany; naciśnij Synchronizuj teraz, aby odpowiedzieć na jego pytanie.</numerusform>
            <numerusform>%1: hamulec masowego kończenia wstrzymał %n zmian; naciśnij Synchronizuj teraz, aby odpowiedzieć na jego pytanie.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+57"/>
        <source>A sync is running; Cancel stops it after the current batch.</source>
        <translation>Trwa synchronizacja; Anuluj zatrzyma ją po bieżącej partii.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No sync is running.</source>
        <translation>Żadna synchronizacja nie trwa.</translation>
    </message>
    <message numerus="yes">
        <location line="+50"/>
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n synchronizacja</numerusform>
            <numerusform>%n synchronizacje</numerusform>
            <numerusform>%n synchronizacji</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1 of %n run(s)</source>
        <translation>
            <numerusform>%1 z %n synchronizacji</numerusform>
            <numerusform>%1 z %n synchronizacji</numerusform>
            <numerusform>%1 z %n synchronizacji</numerusform>
        </translation>
    </message>
    <message>
        <location line="-139"/>
        <source>%1: waiting for your confirmation…</source>
        <translation>%1: czeka na Twoje potwierdzenie…</translation>
    </message>
    <message>
        <location line="-142"/>
        <source>Cha&amp;nnel:</source>
        <translation>&amp;Kanał:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>S&amp;ync now</source>
        <translation>&amp;Synchronizuj teraz</translation>
    </message>
    <message>
        <location line="+201"/>
        <source>Cancelling after the current batch…</source>
        <translation>Anulowanie po bieżącej partii…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Last sync finished at %1.</source>
        <translation>Ostatnia synchronizacja zakończyła się o %1.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>(off)</source>
        <translation>(wyłączona)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>next at %1</source>
        <translation>następna o %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>skipped: a sync is running</source>
        <translation>pominięta: trwa synchronizacja</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Nothing needed changing.</source>
        <translation>Nic nie wymagało zmian.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Problems:</source>
        <translation>Problemy:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notes:</source>
        <translation>Uwagi:</translation>
    </message>
</context>
<context>
    <name>SyncTray</name>
    <message>
        <location filename="../../ui/tray.py" line="+27"/>
        <source>done</source>
        <translation>gotowe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done with problems</source>
        <translation>gotowe, z problemami</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>nieudane</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled</source>
        <translation>anulowane</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+101"/>
        <source>No sync yet</source>
        <translation>Jeszcze bez synchronizacji</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>&amp;Open Allegro Channel Manager</source>
        <translation>&amp;Otwórz Allegro Channel Manager</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Sync now</source>
        <translation>&amp;Synchronizuj teraz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Zakończ</translation>
    </message>
    <message>
        <location line="-11"/>
        <location line="+61"/>
        <source>Allegro Channel Manager</source>
        <translation>Allegro Channel Manager</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Allegro Channel Manager keeps syncing</source>
        <translation>Allegro Channel Manager nadal synchronizuje</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Auto-sync goes on with the window closed. Click this icon to open the window; choose Quit in its menu to stop.</source>
        <translation>Automatyczna synchronizacja działa po zamknięciu okna. Kliknij tę ikonę, aby otworzyć okno; aby zatrzymać, wybierz Zakończ z jej menu.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Syncing %1…</source>
        <translation>Synchronizacja: %1…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Last sync %1: all done</source>
        <translation>Ostatnia synchronizacja %1: wszystko zrobione</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Last sync %1: %2</source>
        <translation>Ostatnia synchronizacja %1: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>with problems</source>
        <translation>z problemami</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source> — %n waiting for your confirmation</source>
        <translation>
            <numerusform> — %n czeka na Twoje potwierdzenie</numerusform>
            <numerusform> — %n czekają na Twoje potwierdzenie</numerusform>
            <numerusform> — %n czeka na Twoje potwierdzenie</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source> (and %n more)</source>
        <translation>
            <numerusform> (i jeszcze %n)</numerusform>
            <numerusform> (i jeszcze %n)</numerusform>
            <numerusform> (i jeszcze %n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>%n listing(s) to end or relist wait for your confirmation. Open the app and press Sync now.</source>
        <translation>
            <numerusform>%n oferta do zakończenia lub ponownego wystawienia czeka na Twoje potwierdzenie. Otwórz program i naciśnij Synchronizuj teraz.</numerusform>
            <numerusform>%n oferty do zakończenia lub ponownego wystawienia czekają na Twoje potwierdzenie. Otwórz program i naciśnij Synchronizuj teraz.</numerusform>
            <numerusform>%n ofert do zakończenia lub ponownego wystawienia czeka na Twoje potwierdzenie. Otwórz program i naciśnij Synchronizuj teraz.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Last problem: %1</source>
        <translation>Ostatni problem: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Sync problem</source>
        <translation>Problem z synchronizacją</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Listings wait for you</source>
        <translation>Oferty czekają na Ciebie</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../ui/app.py" line="+72"/>
        <source>The database at %1 cannot be opened (%2).</source>
        <translation>Nie można otworzyć bazy danych %1 (%2).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The database at %1 (set in Preferences) cannot be opened:
%2

Open the database file in the data folder instead, just this time?
%3</source>
        <translation>Nie można otworzyć bazy danych %1 (ustawionej w Preferencjach):
%2

Otworzyć tym razem plik bazy z folderu danych?
%3</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The data folder
%1
cannot be written (it is read-only or the disk is full). Make it writable or free some space, then start the app again; nothing was changed.</source>
        <translation>Nie można zapisywać w folderze danych
%1
(jest tylko do odczytu albo dysk jest pełny). Zezwól na zapis lub zwolnij miejsce i uruchom aplikację ponownie; nic nie zostało zmienione.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Allegro Channel Manager is already running with the data folder
%1

Switch to the open window instead of starting a second one.</source>
        <translation>Allegro Channel Manager już działa z folderem danych
%1

Przełącz się do otwartego okna zamiast uruchamiać drugie.</translation>
    </message>
</context>
</TS>
