<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en_GB">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/about.py" line="+126"/>
        <source>About Allegro Channel Manager</source>
        <translation>About Allegro Channel Manager</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;h3&gt;Allegro Channel Manager %1&lt;/h3&gt;&lt;p&gt;Keeps your stock and your Allegro.pl listings in step: orders in, quantities out, listings ended when stock runs out and relisted when it returns.&lt;/p&gt;&lt;p&gt;Licensed under the MIT licence. It ships with these libraries:&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Allegro Channel Manager %1&lt;/h3&gt;&lt;p&gt;Keeps your stock and your Allegro.pl listings in step: orders in, quantities out, listings ended when stock runs out and relisted when it returns.&lt;/p&gt;&lt;p&gt;Licensed under the MIT licence. It ships with these libraries:&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Running on Python %1 and Qt %2.</source>
        <translation>Running on Python %1 and Qt %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Bundled libraries and their licences</source>
        <translation>Bundled libraries and their licences</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Qt and Qt for Python are used under the GNU LGPL version 3; you may replace them with your own build of the same version.</source>
        <translation>Qt and Qt for Python are used under the GNU LGPL version 3; you may replace them with your own build of the same version.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Library</source>
        <translation>Library</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
</context>
<context>
    <name>ActionsModel</name>
    <message>
        <location filename="../../ui/sync/confirm_dialog.py" line="+43"/>
        <source>Until sold out</source>
        <translation>Until sold out</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>At once</source>
        <translation>At once</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Offer</source>
        <translation>Offer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Listing</source>
        <translation>Listing</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stock item</source>
        <translation>Stock item</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message numerus="yes">
        <location line="+55"/>
        <source>Sells to the top bidder (%n bid(s))</source>
        <translation>
            <numerusform>Sells to the top bidder (%n bid)</numerusform>
            <numerusform>Sells to the top bidder (%n bids)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Ticked: apply this change (Space toggles)</source>
        <translation>Ticked: apply this change (Space toggles)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Allegro cannot cancel bids: ending this auction sells it to the top bidder, creating an order.</source>
        <translation>Allegro cannot cancel bids: ending this auction sells it to the top bidder, creating an order.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>ticked: </source>
        <translation>ticked: </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not ticked: </source>
        <translation>not ticked: </translation>
    </message>
</context>
<context>
    <name>ActionsSection</name>
    <message>
        <location line="+70"/>
        <source>Select a&amp;ll</source>
        <translation>Select a&amp;ll</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>S&amp;elect all</source>
        <translation>S&amp;elect all</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select &amp;none</source>
        <translation>Select &amp;none</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Select n&amp;one</source>
        <translation>Select n&amp;one</translation>
    </message>
    <message numerus="yes">
        <location line="+40"/>
        <source>%1 of %n ticked</source>
        <translation>
            <numerusform>%1 of %n ticked</numerusform>
            <numerusform>%1 of %n ticked</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AddChannelScreen</name>
    <message>
        <location filename="../../ui/channels/add_channel.py" line="+19"/>
        <source>Poland&apos;s largest marketplace, through Allegro&apos;s current REST API. Connect with Allegro: approve the app on allegro.pl, no password is typed here. Downloads orders, keeps listing quantities in step with your stock, ends and relists listings, sends tracking numbers.</source>
        <translation>Poland&apos;s largest marketplace, through Allegro&apos;s current REST API. Connect with Allegro: approve the app on allegro.pl, no password is typed here. Downloads orders, keeps listing quantities in step with your stock, ends and relists listings, sends tracking numbers.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Allegro.pl WebAPI (legacy)</source>
        <translation>Allegro.pl WebAPI (legacy)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Poland&apos;s largest marketplace. Downloads orders, keeps listing quantities in step with your stock, ends listings that run out and relists them when stock returns, sends tracking numbers.
No account at hand? Keep the Sandbox environment on the next screen to try it all on the built-in demo shop.</source>
        <translation>Poland&apos;s largest marketplace. Downloads orders, keeps listing quantities in step with your stock, ends listings that run out and relists them when stock returns, sends tracking numbers.
No account at hand? Keep the Sandbox environment on the next screen to try it all on the built-in demo shop.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back to the channel list</source>
        <translation>Back to the channel list</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back to the channel list (Alt+Left).</source>
        <translation>Back to the channel list (Alt+Left).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Add New Channel&lt;/b&gt;</source>
        <translation>&lt;b&gt;Add New Channel&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose the channel to connect, then press Integrate.</source>
        <translation>Choose the channel to connect, then press Integrate.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Integrate</source>
        <translation>&amp;Integrate</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Integrate (&amp;WebAPI)</source>
        <translation>Integrate (&amp;WebAPI)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Integrate %1</source>
        <translation>Integrate %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect an %1 account.</source>
        <translation>Connect an %1 account.</translation>
    </message>
</context>
<context>
    <name>BrakeQuestion</name>
    <message>
        <location filename="../../ui/sync/confirm_dialog.py" line="+105"/>
        <source>The mass-end brake stopped the sync — %1</source>
        <translation>The mass-end brake stopped the sync — %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Check the stock first. &lt;b&gt;Review the ends&lt;/b&gt; shows every listing to end, to tick and apply; &lt;b&gt;Send the rest without ending them&lt;/b&gt; sends quantities and tracking numbers only; &lt;b&gt;Cancel the whole sync&lt;/b&gt; sends nothing. The channel&apos;s brake is set in its options.</source>
        <translation>Check the stock first. &lt;b&gt;Review the ends&lt;/b&gt; shows every listing to end, to tick and apply; &lt;b&gt;Send the rest without ending them&lt;/b&gt; sends quantities and tracking numbers only; &lt;b&gt;Cancel the whole sync&lt;/b&gt; sends nothing. The channel&apos;s brake is set in its options.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>&amp;Review the %n end(s)…</source>
        <translation>
            <numerusform>&amp;Review the %n end…</numerusform>
            <numerusform>&amp;Review the %n ends…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>&amp;Send these %n quantity change(s)</source>
        <translation>
            <numerusform>&amp;Send this %n quantity change</numerusform>
            <numerusform>&amp;Send these %n quantity changes</numerusform>
        </translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Check the stock first. &lt;b&gt;Send these quantities&lt;/b&gt; lowers them on Allegro now; &lt;b&gt;Send the rest without them&lt;/b&gt; sends everything else; &lt;b&gt;Cancel the whole sync&lt;/b&gt; sends nothing. The channel&apos;s brake is set in its options.</source>
        <translation>Check the stock first. &lt;b&gt;Send these quantities&lt;/b&gt; lowers them on Allegro now; &lt;b&gt;Send the rest without them&lt;/b&gt; sends everything else; &lt;b&gt;Cancel the whole sync&lt;/b&gt; sends nothing. The channel&apos;s brake is set in its options.</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Send the rest &amp;without ending them</source>
        <translation>Send the rest &amp;without ending them</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Send the &amp;rest without them</source>
        <translation>Send the &amp;rest without them</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Cancel the whole sync</source>
        <translation>&amp;Cancel the whole sync</translation>
    </message>
</context>
<context>
    <name>ChannelConfigScreen</name>
    <message>
        <location filename="../../ui/channels/config.py" line="+46"/>
        <source>Sync this channel. Untick to leave it out of every sync without deleting it.</source>
        <translation>Sync this channel. Untick to leave it out of every sync without deleting it.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the quantity of each linked Buy Now listing on Allegro equal to the stock available in this app (stock level minus what open orders hold).</source>
        <translation>Keep the quantity of each linked Buy Now listing on Allegro equal to the stock available in this app (stock level minus what open orders hold).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unticked: stock is counted over all locations. Ticked: only the stock at the location chosen below counts.</source>
        <translation>Unticked: stock is counted over all locations. Ticked: only the stock at the location chosen below counts.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The location whose stock is sent to Allegro.</source>
        <translation>The location whose stock is sent to Allegro.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send the tracking numbers of shipped orders to Allegro. Allegro checks each number against the carrier&apos;s format, so only numbers that fit are sent; the others are listed for you.</source>
        <translation>Send the tracking numbers of shipped orders to Allegro. Allegro checks each number against the carrier&apos;s format, so only numbers that fit are sent; the others are listed for you.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Orders placed from this moment on are downloaded. It is set to the moment the channel was created; move it back to fetch earlier orders.</source>
        <translation>Orders placed from this moment on are downloaded. It is set to the moment the channel was created; move it back to fetch earlier orders.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Link an order item to the stock item with exactly the same title when its listing is not linked. Relisting gives a listing a new id, so linking by title keeps such orders linked.</source>
        <translation>Link an order item to the stock item with exactly the same title when its listing is not linked. Relisting gives a listing a new id, so linking by title keeps such orders linked.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>End a linked listing when its available stock reaches zero. It moves to Pending Relist, so Relist Items can bring it back.</source>
        <translation>End a linked listing when its available stock reaches zero. It moves to Pending Relist, so Relist Items can bring it back.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Also end auctions (not only Buy Now listings) whose stock reaches zero.</source>
        <translation>Also end auctions (not only Buy Now listings) whose stock reaches zero.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also end auctions that have a bid. Careful: ending an auction with a live bid sells the item to the top bidder, which creates an order.</source>
        <translation>Also end auctions that have a bid. Careful: ending an auction with a live bid sells the item to the top bidder, which creates an order.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Relist a listing that the app ended for zero stock once stock is back, if it ended less than 60 days ago (Allegro&apos;s limit). A listing can be struck off in the inventory mapping screen so it is never relisted.</source>
        <translation>Relist a listing that the app ended for zero stock once stock is back, if it ended less than 60 days ago (Allegro&apos;s limit). A listing can be struck off in the inventory mapping screen so it is never relisted.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>How long a relisted listing runs. Until sold out applies to Buy Now listings.</source>
        <translation>How long a relisted listing runs. Until sold out applies to Buy Now listings.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start relisted listings this many minutes later (at most 30 days).</source>
        <translation>Start relisted listings this many minutes later (at most 30 days).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ticked: ends and relists are sent without asking. Unticked: every sync first shows the listings to end and relist, and only those you confirm are sent.</source>
        <translation>Ticked: ends and relists are sent without asking. Unticked: every sync first shows the listings to end and relist, and only those you confirm are sent.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Until sold out</source>
        <translation>Until sold out</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back to the channel list</source>
        <translation>Back to the channel list</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back to the channel list (Alt+Left).</source>
        <translation>Back to the channel list (Alt+Left).</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+410"/>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="-408"/>
        <source>Save the channel</source>
        <translation>Save the channel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the channel&apos;s options and account (Ctrl+S).</source>
        <translation>Save the channel&apos;s options and account (Ctrl+S).</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Ena&amp;bled</source>
        <translation>Ena&amp;bled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Inventory Sync</source>
        <translation>&amp;Inventory Sync</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inventory Update From &amp;Location</source>
        <translation>Inventory Update From &amp;Location</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Submit &amp;Tracking Info</source>
        <translation>Submit &amp;Tracking Info</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lin&amp;k Order Item to Stock Item By Title</source>
        <translation>Lin&amp;k Order Item to Stock Item By Title</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>En&amp;d Listings</source>
        <translation>En&amp;d Listings</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;End Auctions</source>
        <translation>&amp;End Auctions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End Auctions &amp;with bids</source>
        <translation>End Auctions &amp;with bids</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Relist Items</source>
        <translation>&amp;Relist Items</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> minutes</source>
        <translation> minutes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;No Manual Confirmation</source>
        <translation>&amp;No Manual Confirmation</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;Stock location</source>
        <translation>&amp;Stock location</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stock location</source>
        <translation>Stock location</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;ync Orders From</source>
        <translation>S&amp;ync Orders From</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sync Orders From</source>
        <translation>Sync Orders From</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relist Listing D&amp;uration</source>
        <translation>Relist Listing D&amp;uration</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Relist Listing Duration</source>
        <translation>Relist Listing Duration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relist Listing Del&amp;ay</source>
        <translation>Relist Listing Del&amp;ay</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Relist Listing Delay</source>
        <translation>Relist Listing Delay</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Orders and stock</source>
        <translation>Orders and stock</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ending and relisting</source>
        <translation>Ending and relisting</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add a location in the Inventory screen to choose one here.</source>
        <translation>Add a location in the Inventory screen to choose one here.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Move to an option to read what it does.</source>
        <translation>Move to an option to read what it does.</translation>
    </message>
    <message>
        <location line="-158"/>
        <source>&amp;Options</source>
        <translation>&amp;Options</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;ccount</source>
        <translation>A&amp;ccount</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel settings</source>
        <translation>Channel settings</translation>
    </message>
    <message>
        <location line="+191"/>
        <source>Api Key Version updated on the Account tab. Save to keep it.</source>
        <translation>Api Key Version updated on the Account tab. Save to keep it.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Connected as %1. The new login is in the keyring.</source>
        <translation>Connected as %1. The new login is in the keyring.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Add a location first: Inventory → Locations….</source>
        <translation>Add a location first: Inventory → Locations….</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Available when “%1” is ticked.</source>
        <translation>Available when “%1” is ticked.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (default)</source>
        <translation>%1 (default)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&lt;b&gt;%1&lt;/b&gt; — Allegro.pl channel</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — Allegro.pl channel</translation>
    </message>
    <message>
        <location line="+79"/>
        <location line="+10"/>
        <location line="+23"/>
        <source>Not saved: correct the fields marked in red.</source>
        <translation>Not saved: correct the fields marked in red.</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Channel not saved</source>
        <translation>Channel not saved</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the changes to “%1”?</source>
        <translation>Save the changes to “%1”?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep editing</source>
        <translation>Keep editing</translation>
    </message>
    <message>
        <location line="-286"/>
        <source>Guards: mass-end brake and stock buffers</source>
        <translation>Guards: mass-end brake and stock buffers</translation>
    </message>
    <message>
        <location filename="../../ui/channels/guard_options.py" line="+19"/>
        <source>Mass-end brake: a sync that would end more than this share of the channel&apos;s live listings (or more than the number below, whichever is larger) stops before ending any and asks you, even with No Manual Confirmation. Default 20 %.</source>
        <translation>Mass-end brake: a sync that would end more than this share of the channel&apos;s live listings (or more than the number below, whichever is larger) stops before ending any and asks you, even with No Manual Confirmation. Default 20 %.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Mass-end brake: a sync may end up to this many listings (or the share above, whichever is larger) without asking. The same number guards against lowering most quantities to 1 at once. Default 50.</source>
        <translation>Mass-end brake: a sync may end up to this many listings (or the share above, whichever is larger) without asking. The same number guards against lowering most quantities to 1 at once. Default 50.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>End a listing when its available stock is this or less, instead of at 0; it is relisted once more is available. 0 = end only when nothing is available.</source>
        <translation>End a listing when its available stock is this or less, instead of at 0; it is relisted once more is available. 0 = end only when nothing is available.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keep this many back: Allegro shows the available stock minus this number (for other channels or the shop counter). 0 = keep nothing back.</source>
        <translation>Keep this many back: Allegro shows the available stock minus this number (for other channels or the shop counter). 0 = keep nothing back.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>List only this share of the available stock (after keeping back), rounded down. 100 % = all of it.</source>
        <translation>List only this share of the available stock (after keeping back), rounded down. 100 % = all of it.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>List at most this many on Allegro, however much is available. 0 = no limit (Allegro&apos;s own is 999).</source>
        <translation>List at most this many on Allegro, however much is available. 0 = no limit (Allegro&apos;s own is 999).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Mass-end brake: share of live listin&amp;gs</source>
        <translation>Mass-end brake: share of live listin&amp;gs</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mass-end brake: share of live listings</source>
        <translation>Mass-end brake: share of live listings</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mass-end brake: or number o&amp;f listings</source>
        <translation>Mass-end brake: or number o&amp;f listings</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mass-end brake: or number of listings</source>
        <translation>Mass-end brake: or number of listings</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End when a&amp;vailable is at most</source>
        <translation>End when a&amp;vailable is at most</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>End when available is at most</source>
        <translation>End when available is at most</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kee&amp;p back</source>
        <translation>Kee&amp;p back</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keep back</source>
        <translation>Keep back</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List a s&amp;hare of available</source>
        <translation>List a s&amp;hare of available</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>List a share of available</source>
        <translation>List a share of available</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List at &amp;most</source>
        <translation>List at &amp;most</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>List at most</source>
        <translation>List at most</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No limit</source>
        <translation>No limit</translation>
    </message>
    <message>
        <location filename="../../ui/channels/config.py" line="+251"/>
        <source>Not saved.</source>
        <translation>Not saved.</translation>
    </message>
</context>
<context>
    <name>ChannelIntegrationWindow</name>
    <message>
        <location filename="../../ui/channels/integration_window.py" line="+41"/>
        <location line="+123"/>
        <source>Channel Integration</source>
        <translation>Channel Integration</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>&lt;b&gt;Channels&lt;/b&gt;</source>
        <translation>&lt;b&gt;Channels&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add New Channel</source>
        <translation>&amp;Add New Channel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add New Channel</source>
        <translation>Add New Channel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect another Allegro account.</source>
        <translation>Connect another Allegro account.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Channels</source>
        <translation>Channels</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Configure</source>
        <translation>Configure</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Configure…</source>
        <translation>&amp;Configure…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the selected channel&apos;s options (or double-click it, or press Enter).</source>
        <translation>Open the selected channel&apos;s options (or double-click it, or press Enter).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Delete…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the selected channel and its password in the keyring.</source>
        <translation>Delete the selected channel and its password in the keyring.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Double-click a channel, or press Enter, to change its options.</source>
        <translation>Double-click a channel, or press Enter, to change its options.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No channels yet. Press Add New Channel to connect an Allegro account.</source>
        <translation>No channels yet. Press Add New Channel to connect an Allegro account.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select a channel in the list first.</source>
        <translation>Select a channel in the list first.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Channel Integration — Add New Channel</source>
        <translation>Channel Integration — Add New Channel</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+7"/>
        <source>Channel Integration — Allegro.pl integration</source>
        <translation>Channel Integration — Allegro.pl integration</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Channel saved. Choose its options, then Save.</source>
        <translation>Channel saved. Choose its options, then Save.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Channel Integration — %1</source>
        <translation>Channel Integration — %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Its password is removed from the keyring. Nothing changes on Allegro.</source>
        <translation>Its password is removed from the keyring. Nothing changes on Allegro.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Its %1 and %2 are removed from this app, and its password from the keyring. Nothing changes on Allegro.</source>
        <translation>Its %1 and %2 are removed from this app, and its password from the keyring. Nothing changes on Allegro.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n order</numerusform>
            <numerusform>%n orders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n listing(s)</source>
        <translation>
            <numerusform>%n listing</numerusform>
            <numerusform>%n listings</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete channel</source>
        <translation>Delete channel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the channel “%1”?</source>
        <translation>Delete the channel “%1”?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Channel not deleted</source>
        <translation>Channel not deleted</translation>
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
        <translation>Failed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partly done</source>
        <translation>Partly done</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running</source>
        <translation>Running</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SubSource</source>
        <translation>SubSource</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Environment</source>
        <translation>Environment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enabled</source>
        <translation>Enabled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inventory Sync</source>
        <translation>Inventory Sync</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last sync</source>
        <translation>Last sync</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>Outcome</translation>
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
        <translation>Production</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Allegro.pl REST API, connected by Allegro&apos;s approval page.</source>
        <translation>Allegro.pl REST API, connected by Allegro&apos;s approval page.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allegro.pl WebAPI (legacy): login, password and WebAPI key.</source>
        <translation>Allegro.pl WebAPI (legacy): login, password and WebAPI key.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Never</source>
        <translation>Never</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>on</source>
        <translation>on</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>off</source>
        <translation>off</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Double-click to open the channel&apos;s configuration.</source>
        <translation>Double-click to open the channel&apos;s configuration.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tick or untick to turn %1 on or off for this channel.</source>
        <translation>Tick or untick to turn %1 on or off for this channel.</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <location filename="../../ui/sync/confirm_dialog.py" line="-115"/>
        <source>Confirm changes on Allegro — %1</source>
        <translation>Confirm changes on Allegro — %1</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <location line="+1"/>
        <source>%n listing(s)</source>
        <translation>
            <numerusform>%n listing</numerusform>
            <numerusform>%n listings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n auction(s) have bids. Allegro cannot cancel bids: ending such an auction sells it to the top bidder and creates an order. They start unticked.</source>
        <translation>
            <numerusform>%n auction has bids. Allegro cannot cancel bids: ending such an auction sells it to the top bidder and creates an order. It starts unticked.</numerusform>
            <numerusform>%n auctions have bids. Allegro cannot cancel bids: ending such an auction sells it to the top bidder and creates an order. They start unticked.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Listings to end</source>
        <translation>Listings to end</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listings to relist</source>
        <translation>Listings to relist</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Apply the ticked ones</source>
        <translation>&amp;Apply the ticked ones</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&amp;Apply the ticked ones (%1)</source>
        <translation>&amp;Apply the ticked ones (%1)</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>End and relist the ticked listings, and send the rest of the sync</source>
        <translation>End and relist the ticked listings, and send the rest of the sync</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>The sync of &lt;b&gt;%1&lt;/b&gt; would end %2 and relist %3. &lt;b&gt;Apply the ticked ones&lt;/b&gt; sends the ticked ones with the rest of the sync. &lt;b&gt;Send the rest without these&lt;/b&gt; sends quantities and tracking numbers but none of these listings. &lt;b&gt;Cancel the whole sync&lt;/b&gt; sends nothing at all. What is not sent is proposed again at the next sync.</source>
        <translation>The sync of &lt;b&gt;%1&lt;/b&gt; would end %2 and relist %3. &lt;b&gt;Apply the ticked ones&lt;/b&gt; sends the ticked ones with the rest of the sync. &lt;b&gt;Send the rest without these&lt;/b&gt; sends quantities and tracking numbers but none of these listings. &lt;b&gt;Cancel the whole sync&lt;/b&gt; sends nothing at all. What is not sent is proposed again at the next sync.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Send the &amp;rest without these</source>
        <translation>Send the &amp;rest without these</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send quantities and tracking numbers; end and relist none of these listings (they are proposed again next time)</source>
        <translation>Send quantities and tracking numbers; end and relist none of these listings (they are proposed again next time)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Cancel the whole sync</source>
        <translation>&amp;Cancel the whole sync</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send nothing at all to Allegro in this sync (Esc)</source>
        <translation>Send nothing at all to Allegro in this sync (Esc)</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../../ui/channels/connect_dialog.py" line="+34"/>
        <source>Connect with Allegro</source>
        <translation>Connect with Allegro</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Asking Allegro for a code…</source>
        <translation>Asking Allegro for a code…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>QR code of the approval address</source>
        <translation>QR code of the approval address</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Open in browser</source>
        <translation>&amp;Open in browser</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Open the address below (or scan the QR code), log in to Allegro and approve the application. Check that Allegro shows this code:</source>
        <translation>Open the address below (or scan the QR code), log in to Allegro and approve the application. Check that Allegro shows this code:</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Connected as %1.</source>
        <translation>Connected as %1.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The code is valid for %1 more.</source>
        <translation>The code is valid for %1 more.</translation>
    </message>
</context>
<context>
    <name>Counted</name>
    <message numerus="yes">
        <location filename="../../ui/counts.py" line="+15"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n order(s) imported</source>
        <translation>
            <numerusform>%n order imported</numerusform>
            <numerusform>%n orders imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n quantity(ies) sent</source>
        <translation>
            <numerusform>%n quantity sent</numerusform>
            <numerusform>%n quantities sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n listing(s) ended</source>
        <translation>
            <numerusform>%n listing ended</numerusform>
            <numerusform>%n listings ended</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n listing(s) relisted</source>
        <translation>
            <numerusform>%n listing relisted</numerusform>
            <numerusform>%n listings relisted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n tracking number(s) accepted</source>
        <translation>
            <numerusform>%n tracking number accepted</numerusform>
            <numerusform>%n tracking numbers accepted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n tracking number(s) rejected</source>
        <translation>
            <numerusform>%n tracking number rejected</numerusform>
            <numerusform>%n tracking numbers rejected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n change(s) held by a brake</source>
        <translation>
            <numerusform>%n change held by a brake</numerusform>
            <numerusform>%n changes held by a brake</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n listing(s) at oversell risk</source>
        <translation>
            <numerusform>%n listing at oversell risk</numerusform>
            <numerusform>%n listings at oversell risk</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DailyChart</name>
    <message>
        <location filename="../../ui/sync/chart.py" line="+12"/>
        <source>Orders imported</source>
        <translation>Orders imported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listings ended</source>
        <translation>Listings ended</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listings relisted</source>
        <translation>Listings relisted</translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>Last %n day(s): %1</source>
        <translation>
            <numerusform>Last %n day: %1</numerusform>
            <numerusform>Last %n days: %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+68"/>
        <source>No syncs yet</source>
        <translation>No syncs yet</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../ui/filter_bar.py" line="+94"/>
        <source>Cha&amp;nnel:</source>
        <translation>Cha&amp;nnel:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sho&amp;w:</source>
        <translation>Sho&amp;w:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>All channels</source>
        <translation>All channels</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../../ui/home.py" line="+125"/>
        <source>Channels</source>
        <translation>Channels</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stock items</source>
        <translation>Stock items</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listings</source>
        <translation>Listings</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Add a &amp;channel…</source>
        <translation>Add a &amp;channel…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Try it on the demo shop</source>
        <translation>Try it on the demo shop</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Add the demo channel</source>
        <translation>&amp;Add the demo channel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add the Sandbox demo channel</source>
        <translation>Add the Sandbox demo channel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Use the legacy &amp;WebAPI instead</source>
        <translation>Use the legacy &amp;WebAPI instead</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add the Sandbox demo channel on the legacy WebAPI</source>
        <translation>Add the Sandbox demo channel on the legacy WebAPI</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Run the first sync</source>
        <translation>Run the first sync</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sync imports the demo shop&apos;s orders and sends your stock quantities to the listings. Before it ends the listings whose stock is zero, it shows them to you in the confirmation dialog: keep them ticked and press &lt;b&gt;Apply the ticked ones&lt;/b&gt;.</source>
        <translation>The sync imports the demo shop&apos;s orders and sends your stock quantities to the listings. Before it ends the listings whose stock is zero, it shows them to you in the confirmation dialog: keep them ticked and press &lt;b&gt;Apply the ticked ones&lt;/b&gt;.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Add the demo channel first.</source>
        <translation>Add the demo channel first.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>See the &amp;orders</source>
        <translation>See the &amp;orders</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>See the &amp;listings</source>
        <translation>See the &amp;listings</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Connect your own Allegro account</source>
        <translation>Connect your own Allegro account</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Opens Settings → Channel Integration → Add New Channel.</source>
        <translation>Opens Settings → Channel Integration → Add New Channel.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;h2&gt;Welcome to Allegro Channel Manager&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Welcome to Allegro Channel Manager&lt;/h2&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It keeps your stock and your Allegro.pl listings in step: orders come in, quantities go out, listings that run out of stock are ended and relisted when it returns. Try it on the demo shop first; it takes a minute.</source>
        <translation>It keeps your stock and your Allegro.pl listings in step: orders come in, quantities go out, listings that run out of stock are ended and relisted when it returns. Try it on the demo shop first; it takes a minute.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;h2&gt;Allegro Channel Manager&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Allegro Channel Manager&lt;/h2&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your stock and your Allegro.pl channels in one place. Press F5 to sync; channels are set up under &lt;b&gt;Settings → Channel Integration&lt;/b&gt;.</source>
        <translation>Your stock and your Allegro.pl channels in one place. Press F5 to sync; channels are set up under &lt;b&gt;Settings → Channel Integration&lt;/b&gt;.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The demo channel is being added; the line below says how far.</source>
        <translation>The demo channel is being added; the line below says how far.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Starting…</source>
        <translation>Starting…</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%n of them have no stock</source>
        <translation>
            <numerusform>%n of them has no stock</numerusform>
            <numerusform>%n of them have no stock</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>A REST channel on the built-in Sandbox, connected as Allegro&apos;s approval page would.</source>
        <translation>A REST channel on the built-in Sandbox, connected as Allegro&apos;s approval page would.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The same demo shop through the old WebAPI: login, password, WebAPI key and Api Key Version, filled in for you. Allegro itself no longer answers the WebAPI.</source>
        <translation>The same demo shop through the old WebAPI: login, password, WebAPI key and Api Key Version, filled in for you. Allegro itself no longer answers the WebAPI.</translation>
    </message>
    <message numerus="yes">
        <location line="+96"/>
        <source>%n listing(s): live with nothing available to send</source>
        <translation>
            <numerusform>%n listing: live with nothing available to send</numerusform>
            <numerusform>%n listings: live with nothing available to send</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-116"/>
        <source>%n listing(s)</source>
        <translation>
            <numerusform>%n listing is</numerusform>
            <numerusform>%n listings are</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The demo channel is there; it is added once.</source>
        <translation>The demo channel is there; it is added once.</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>✓ Synced: %1, %2, %3.</source>
        <translation>✓ Synced: %1, %2, %3.</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>Demo channel added</source>
        <translation>Demo channel added</translation>
    </message>
    <message>
        <location line="-168"/>
        <location line="+75"/>
        <source>S&amp;ync now (F5)</source>
        <translation>S&amp;ync now (F5)</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>Adds the channel &lt;b&gt;Sandbox demo&lt;/b&gt; on the &lt;b&gt;Sandbox&lt;/b&gt;, the Allegro emulator built into this app: about 60 Polish listings, buyers and recent orders. It connects through Allegro&apos;s REST API the way your own account will, with the Sandbox approving it in your place. It also fills your stock with one item per listing, linked to it: most in stock, a few at zero. No Allegro account is needed and nothing reaches Allegro.</source>
        <translation>Adds the channel &lt;b&gt;Sandbox demo&lt;/b&gt; on the &lt;b&gt;Sandbox&lt;/b&gt;, the Allegro emulator built into this app: about 60 Polish listings, buyers and recent orders. It connects through Allegro&apos;s REST API the way your own account will, with the Sandbox approving it in your place. It also fills your stock with one item per listing, linked to it: most in stock, a few at zero. No Allegro account is needed and nothing reaches Allegro.</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>When you are ready, register the app once at apps.developer.allegro.pl and paste its Client ID and Secret in &lt;b&gt;Settings → Preferences&lt;/b&gt;. Then add an &lt;b&gt;Allegro.pl&lt;/b&gt; channel and press &lt;b&gt;Connect with Allegro&lt;/b&gt;: you approve the app on allegro.pl, and your password never reaches this app. Its login is kept in your system&apos;s keyring, never in the database.</source>
        <translation>When you are ready, register the app once at apps.developer.allegro.pl and paste its Client ID and Secret in &lt;b&gt;Settings → Preferences&lt;/b&gt;. Then add an &lt;b&gt;Allegro.pl&lt;/b&gt; channel and press &lt;b&gt;Connect with Allegro&lt;/b&gt;: you approve the app on allegro.pl, and your password never reaches this app. Its login is kept in your system&apos;s keyring, never in the database.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add an Allegro.&amp;pl channel…</source>
        <translation>Add an Allegro.&amp;pl channel…</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Opens the Sync screen and syncs the demo channel.</source>
        <translation>Opens the Sync screen and syncs the demo channel.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>✓ &lt;b&gt;%1&lt;/b&gt; is ready: connected through Allegro&apos;s REST API as %4. %2 linked to stock items; %3, so the sync will propose ending them.</source>
        <translation>✓ &lt;b&gt;%1&lt;/b&gt; is ready: connected through Allegro&apos;s REST API as %4. %2 linked to stock items; %3, so the sync will propose ending them.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>✓ &lt;b&gt;%1&lt;/b&gt; is ready: the Test said OK. %2 linked to stock items; %3, so the sync will propose ending them.</source>
        <translation>✓ &lt;b&gt;%1&lt;/b&gt; is ready: the Test said OK. %2 linked to stock items; %3, so the sync will propose ending them.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The demo channel could not be added: %1</source>
        <translation>The demo channel could not be added: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Try &amp;again</source>
        <translation>Try &amp;again</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The sync ended as “%1”; the Sync screen says why. Press Sync now to try again.</source>
        <translation>The sync ended as “%1”; the Sync screen says why. Press Sync now to try again.</translation>
    </message>
    <message>
        <location line="-244"/>
        <source>Linked live listings with nothing available to send: a buyer can still buy them. Listings → Show: Oversell risk lists them with the reason.</source>
        <translation>Linked live listings with nothing available to send: a buyer can still buy them. Listings → Show: Oversell risk lists them with the reason.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>At oversell risk</source>
        <translation>At oversell risk</translation>
    </message>
</context>
<context>
    <name>HonestSave</name>
    <message>
        <location filename="../../ui/channels/honest_save.py" line="+29"/>
        <source>Same Allegro account</source>
        <translation>Same Allegro account</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not saved. Change the username or the environment, or add it anyway if you really mean to.</source>
        <translation>Not saved. Change the username or the environment, or add it anyway if you really mean to.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Do not add it</source>
        <translation>Do not add it</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add it anyway</source>
        <translation>Add it anyway</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The last Test of this channel failed.</source>
        <translation>The last Test of this channel failed.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This channel has not been tested with these account details.</source>
        <translation>This channel has not been tested with these account details.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save without a passing Test?</source>
        <translation>Save without a passing Test?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved disabled, it is left out of every sync until you Test it and tick Enabled. Saved enabled, every sync of all channels tries it, and fails for it while the Test fails.</source>
        <translation>Saved disabled, it is left out of every sync until you Test it and tick Enabled. Saved enabled, every sync of all channels tries it, and fails for it while the Test fails.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save it disabled</source>
        <translation>Save it disabled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save it enabled anyway</source>
        <translation>Save it enabled anyway</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../ui/inventory/import_dialog.py" line="+47"/>
        <source>Import stock from %1</source>
        <translation>Import stock from %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Columns not used: %1</source>
        <translation>Columns not used: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Invalid rows (fix them in the file and import it again):</source>
        <translation>Invalid rows (fix them in the file and import it again):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rows to import:</source>
        <translation>Rows to import:</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>&amp;Import %n row(s)</source>
        <translation>
            <numerusform>&amp;Import %n row</numerusform>
            <numerusform>&amp;Import %n rows</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing is imported while rows are invalid: fix them in the file and import it again.</source>
        <translation>Nothing is imported while rows are invalid: fix them in the file and import it again.</translation>
    </message>
</context>
<context>
    <name>IntegrationForm</name>
    <message>
        <location filename="../../ui/channels/integration_form.py" line="+38"/>
        <source>Sandbox — the built-in Allegro emulator on this computer</source>
        <translation>Sandbox — the built-in Allegro emulator on this computer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Production — Allegro.pl</source>
        <translation>Production — Allegro.pl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom WebAPI address</source>
        <translation>Custom WebAPI address</translation>
    </message>
    <message>
        <location line="+39"/>
        <location line="+124"/>
        <source>Testing</source>
        <translation>Testing</translation>
    </message>
    <message>
        <location line="-89"/>
        <source>for example 1505</source>
        <translation>for example 1505</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Fill in the demo account</source>
        <translation>Fill in the demo account</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fill in the Sandbox demo account</source>
        <translation>Fill in the Sandbox demo account</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The Sandbox comes with a demo shop: login sandbox-seller, password sandbox-pass-1, WebAPI key SANDBOX-WEBAPI-KEY.</source>
        <translation>The Sandbox comes with a demo shop: login sandbox-seller, password sandbox-pass-1, WebAPI key SANDBOX-WEBAPI-KEY.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Su&amp;bSource</source>
        <translation>Su&amp;bSource</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SubSource</source>
        <translation>SubSource</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The name this channel appears as in the app, its orders and reports, e.g. MyAllegroChannel.</source>
        <translation>The name this channel appears as in the app, its orders and reports, e.g. MyAllegroChannel.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Username</source>
        <translation>&amp;Username</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your Allegro login (1–16 characters) or the e-mail address you log in with.</source>
        <translation>Your Allegro login (1–16 characters) or the e-mail address you log in with.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your Allegro password. It is kept in the system keyring, never in the app&apos;s database or logs.</source>
        <translation>Your Allegro password. It is kept in the system keyring, never in the app&apos;s database or logs.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Api &amp;Key</source>
        <translation>Api &amp;Key</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Api Key</source>
        <translation>Api Key</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The WebAPI key generated in My Allegro → WebAPI.</source>
        <translation>The WebAPI key generated in My Allegro → WebAPI.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Api Key &amp;Version</source>
        <translation>Api Key &amp;Version</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Api Key Version</source>
        <translation>Api Key Version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allegro&apos;s current version key, a whole number. Test tells you when Allegro has moved on and offers the current one.</source>
        <translation>Allegro&apos;s current version key, a whole number. Test tells you when Allegro has moved on and offers the current one.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Default Currency</source>
        <translation>&amp;Default Currency</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Default Currency</source>
        <translation>Default Currency</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The currency given to orders and the channel when Allegro names none.</source>
        <translation>The currency given to orders and the channel when Allegro names none.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;nvironment</source>
        <translation>E&amp;nvironment</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Environment</source>
        <translation>Environment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sandbox: the built-in emulator with a demo shop, started when needed. Production: the real Allegro.pl. Custom: a WebAPI address of your own, such as a sandbox run with main.py sandbox.</source>
        <translation>Sandbox: the built-in emulator with a demo shop, started when needed. Production: the real Allegro.pl. Custom: a WebAPI address of your own, such as a sandbox run with main.py sandbox.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>WebAPI &amp;address</source>
        <translation>WebAPI &amp;address</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>WebAPI address</source>
        <translation>WebAPI address</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The service address used for this environment.</source>
        <translation>The service address used for this environment.</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+238"/>
        <source>&amp;Test</source>
        <translation>&amp;Test</translation>
    </message>
    <message>
        <location line="-236"/>
        <source>Test the connection to Allegro</source>
        <translation>Test the connection to Allegro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask Allegro whether it accepts the Api Key Version and the login.</source>
        <translation>Ask Allegro whether it accepts the Api Key Version and the login.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop waiting for the Test</source>
        <translation>Stop waiting for the Test</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Kept in the keyring — type a new one to change it</source>
        <translation>Kept in the keyring — type a new one to change it</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>Started on this computer when needed</source>
        <translation>Started on this computer when needed</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>https://… or http://127.0.0.1:PORT/service.php</source>
        <translation>https://… or http://127.0.0.1:PORT/service.php</translation>
    </message>
    <message>
        <location line="-24"/>
        <location line="+55"/>
        <source>Correct the fields marked in red, then Test again.</source>
        <translation>Correct the fields marked in red, then Test again.</translation>
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
        <translation>The keyring has no password for this channel. Type it again.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Testing with the Sandbox…</source>
        <translation>Testing with the Sandbox…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Testing with %1…</source>
        <translation>Testing with %1…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Test cancelled.</source>
        <translation>Test cancelled.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Testing…</source>
        <translation>Testing…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>OK: Allegro accepted the Api Key Version and the login.</source>
        <translation>OK: Allegro accepted the Api Key Version and the login.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Allegro at %1 accepted Api Key Version %2 and the login of %3.</source>
        <translation>Allegro at %1 accepted Api Key Version %2 and the login of %3.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Allegro&apos;s Api Key Version has changed.</source>
        <translation>Allegro&apos;s Api Key Version has changed.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Use %1</source>
        <translation>Use %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep what I typed</source>
        <translation>Keep what I typed</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Test failed</source>
        <translation>Test failed</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Api Key Version set to %1. Test again, or Save to keep it.</source>
        <translation>Api Key Version set to %1. Test again, or Save to keep it.</translation>
    </message>
</context>
<context>
    <name>IntegrationScreen</name>
    <message>
        <location line="+21"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back to Add New Channel</source>
        <translation>Back to Add New Channel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back to Add New Channel (Alt+Left). What you typed stays here.</source>
        <translation>Back to Add New Channel (Alt+Left). What you typed stays here.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Allegro.pl integration&lt;/b&gt;</source>
        <translation>&lt;b&gt;Allegro.pl integration&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the channel</source>
        <translation>Save the channel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the channel (Ctrl+S); the password goes to the system keyring.</source>
        <translation>Save the channel (Ctrl+S); the password goes to the system keyring.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Connect an Allegro account. Fill in the fields, press Test to check them with Allegro, then Save. The options of the channel come next.</source>
        <translation>Connect an Allegro account. Fill in the fields, press Test to check them with Allegro, then Save. The options of the channel come next.</translation>
    </message>
    <message>
        <location line="+31"/>
        <location line="+18"/>
        <source>The channel was not saved: correct the fields marked in red.</source>
        <translation>The channel was not saved: correct the fields marked in red.</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Channel not saved</source>
        <translation>Channel not saved</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>The channel was not saved.</source>
        <translation>The channel was not saved.</translation>
    </message>
</context>
<context>
    <name>InventoryScreen</name>
    <message>
        <location filename="../../ui/inventory/screen.py" line="+85"/>
        <source>Filter by SKU, title or barcode (Ctrl+F)</source>
        <translation>Filter by SKU, title or barcode (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Filter stock items</source>
        <translation>Filter stock items</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Location:</source>
        <translation>&amp;Location:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Add item…</source>
        <translation>&amp;Add item…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Delete…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L&amp;ocations…</source>
        <translation>L&amp;ocations…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import CSV…</source>
        <translation>&amp;Import CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xport CSV…</source>
        <translation>E&amp;xport CSV…</translation>
    </message>
    <message>
        <location line="+33"/>
        <location line="+121"/>
        <source>Select an item to see its stock per location.</source>
        <translation>Select an item to see its stock per location.</translation>
    </message>
    <message>
        <location line="-116"/>
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stock level</source>
        <translation>Stock level</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Allocated</source>
        <translation>Allocated</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Available</source>
        <translation>Available</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Held by open orders</source>
        <translation>Held by open orders</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Linked listings:</source>
        <translation>Linked listings:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Offer</source>
        <translation>Offer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>All locations</source>
        <translation>All locations</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+49"/>
        <source> (default)</source>
        <translation> (default)</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%1 item(s)</source>
        <translation>
            <numerusform>%1 item</numerusform>
            <numerusform>%1 items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%1 of %2 item(s)</source>
        <translation>
            <numerusform>%1 of %2 item</numerusform>
            <numerusform>%1 of %2 items</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Select a stock item first: click its row, or press Down from the filter box.</source>
        <translation>Select a stock item first: click its row, or press Down from the filter box.</translation>
    </message>
    <message numerus="yes">
        <location line="+52"/>
        <source>%n stock item(s)</source>
        <translation>
            <numerusform>%n stock item</numerusform>
            <numerusform>%n stock items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Linked to %n listing(s), which will be unlinked and no longer kept in step with stock:</source>
        <translation>
            <numerusform>Linked to %n listing, which will be unlinked and no longer kept in step with stock:</numerusform>
            <numerusform>Linked to %n listings, which will be unlinked and no longer kept in step with stock:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Deleted %n item(s).</source>
        <translation>
            <numerusform>Deleted %n item.</numerusform>
            <numerusform>Deleted %n items.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+34"/>
        <source>Imported %n row(s): %1, %2.</source>
        <translation>
            <numerusform>Imported %n row: %1, %2.</numerusform>
            <numerusform>Imported %n rows: %1, %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n new item(s)</source>
        <translation>
            <numerusform>%n new item</numerusform>
            <numerusform>%n new items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n stock level(s) changed</source>
        <translation>
            <numerusform>%n stock level changed</numerusform>
            <numerusform>%n stock levels changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>Exported %n row(s) to %1.</source>
        <translation>
            <numerusform>Exported %n row to %1.</numerusform>
            <numerusform>Exported %n rows to %1.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-91"/>
        <source>Added %1.</source>
        <translation>Added %1.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Saved %1.</source>
        <translation>Saved %1.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Delete stock items</source>
        <translation>Delete stock items</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete %1? This cannot be undone.</source>
        <translation>Delete %1? This cannot be undone.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Import stock</source>
        <translation>Import stock</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV files (*.csv);;All files (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Checking %1</source>
        <translation>Checking %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import cancelled; nothing was changed.</source>
        <translation>Import cancelled; nothing was changed.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Importing</source>
        <translation>Importing</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Export stock</source>
        <translation>Export stock</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Exporting</source>
        <translation>Exporting</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2 of %3</source>
        <translation>%1: %2 of %3</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <location filename="../../ui/inventory/item_dialog.py" line="+29"/>
        <source>New stock item</source>
        <translation>New stock item</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit stock item</source>
        <translation>Edit stock item</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;SKU:</source>
        <translation>&amp;SKU:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Title:</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Barcode:</source>
        <translation>&amp;Barcode:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;Stock level&lt;/b&gt;</source>
        <translation>&lt;b&gt;Stock level&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stock level at %1</source>
        <translation>Stock level at %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (default)</source>
        <translation> (default)</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
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
        <translation>Title</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Available</source>
        <translation>Available</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <location line="+11"/>
        <source>Link listing to a stock item</source>
        <translation>Link listing to a stock item</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Listing: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Listing: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Search by SKU or title:</source>
        <translation>&amp;Search by SKU or title:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Link</source>
        <translation>&amp;Link</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>No stock item found: type part of its SKU or title.</source>
        <translation>No stock item found: type part of its SKU or title.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type part of a SKU or title.</source>
        <translation>Type part of a SKU or title.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No stock item matches.</source>
        <translation>No stock item matches.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n match(es).</source>
        <translation>
            <numerusform>%n match.</numerusform>
            <numerusform>%n matches.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LinkPreview</name>
    <message>
        <location filename="../../ui/listings/link_preview.py" line="+22"/>
        <source>Link all exact matches</source>
        <translation>Link all exact matches</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Link %n listing(s), each to the one stock item with exactly its title?</source>
        <translation>
            <numerusform>Link %n listing to the one stock item with exactly its title?</numerusform>
            <numerusform>Link %n listings, each to the one stock item with exactly its title?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n ambiguous title(s) are left for linking by hand.</source>
        <translation>
            <numerusform>%n ambiguous title is left for linking by hand.</numerusform>
            <numerusform>%n ambiguous titles are left for linking by hand.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n offer(s) appear in more than one channel: the same Allegro account seems to be added twice, and its listings would be linked twice.</source>
        <translation>
            <numerusform>%n offer appears in more than one channel: the same Allegro account seems to be added twice, and its listings would be linked twice.</numerusform>
            <numerusform>%n offers appear in more than one channel: the same Allegro account seems to be added twice, and its listings would be linked twice.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>&amp;Link %n listing(s)</source>
        <translation>
            <numerusform>&amp;Link %n listing</numerusform>
            <numerusform>&amp;Link %n listings</numerusform>
        </translation>
    </message>
    <message>
        <location line="-30"/>
        <source>By channel: %1.</source>
        <translation>By channel: %1.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Listings to link</source>
        <translation>Listings to link</translation>
    </message>
</context>
<context>
    <name>ListingsModel</name>
    <message>
        <location filename="../../ui/listings/screen.py" line="+74"/>
        <source>Offer ID</source>
        <translation>Offer ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quantity on Allegro at the last sync</source>
        <translation>Quantity on Allegro at the last sync</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bids</source>
        <translation>Bids</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bids on the auction</source>
        <translation>Bids on the auction</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The stock item this listing sells (its title in the tooltip)</source>
        <translation>The stock item this listing sells (its title in the tooltip)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Available</source>
        <translation>Available</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Available stock that the next sync sends</source>
        <translation>Available stock that the next sync sends</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suggestion</source>
        <translation>Suggestion</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stock items whose title equals the listing&apos;s</source>
        <translation>Stock items whose title equals the listing&apos;s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Several stock items have this title: link by hand (Link…), it is never guessed.</source>
        <translation>Several stock items have this title: link by hand (Link…), it is never guessed.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Ending this auction sells it to the top bidder.</source>
        <translation>Ending this auction sells it to the top bidder.</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Oversell risk: live on Allegro with nothing available to send. A buyer can still buy it. End it (Sync now proposes it again), or restock it.</source>
        <translation>Oversell risk: live on Allegro with nothing available to send. A buyer can still buy it. End it (Sync now proposes it again), or restock it.</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Changed outside the app at the last sync: %1</source>
        <translation>Changed outside the app at the last sync: %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Ended outside this app (sold out, its time ran out, or ended on Allegro), so the app will not relist it, even with stock: it relists only the listings it ended itself for lack of stock. Relist it on Allegro to sell it again.</source>
        <translation>Ended outside this app (sold out, its time ran out, or ended on Allegro), so the app will not relist it, even with stock: it relists only the listings it ended itself for lack of stock. Relist it on Allegro to sell it again.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ended over 60 days ago: Allegro no longer relists it, so the app will not either.</source>
        <translation>Ended over 60 days ago: Allegro no longer relists it, so the app will not either.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Struck off: it will not be relisted. Reinstate it to let the sync relist it when stock returns.</source>
        <translation>Struck off: it will not be relisted. Reinstate it to let the sync relist it when stock returns.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ended by this app when stock ran out; the sync relists it when stock returns.</source>
        <translation>Ended by this app when stock ran out; the sync relists it when stock returns.</translation>
    </message>
</context>
<context>
    <name>ListingsScreen</name>
    <message>
        <location line="-88"/>
        <source>All listings</source>
        <translation>All listings</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlinked</source>
        <translation>Unlinked</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Linked</source>
        <translation>Linked</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exact-title suggestions</source>
        <translation>Exact-title suggestions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ambiguous titles</source>
        <translation>Ambiguous titles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pending relist</source>
        <translation>Pending relist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Struck off</source>
        <translation>Struck off</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ended</source>
        <translation>Ended</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auctions with bids</source>
        <translation>Auctions with bids</translation>
    </message>
    <message>
        <location line="+115"/>
        <source>Filter by offer id, title, SKU or status (Ctrl+F)</source>
        <translation>Filter by offer id, title, SKU or status (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Filter listings</source>
        <translation>Filter listings</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Link…</source>
        <translation>&amp;Link…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Unlink</source>
        <translation>&amp;Unlink</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Link the selected listings to the one stock item with the same title</source>
        <translation>Link the selected listings to the one stock item with the same title</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link all e&amp;xact matches</source>
        <translation>Link all e&amp;xact matches</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Link every unlinked listing shown whose title matches exactly one stock item; ambiguous ones are left</source>
        <translation>Link every unlinked listing shown whose title matches exactly one stock item; ambiguous ones are left</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;trike off</source>
        <translation>S&amp;trike off</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Never relist this pending-relist listing</source>
        <translation>Never relist this pending-relist listing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reinstate</source>
        <translation>&amp;Reinstate</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+18"/>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Undo the last change (Ctrl+Z)</source>
        <translation>Undo the last change (Ctrl+Z)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Nothing to undo: linking, unlinking, striking off and reinstating can be undone here.</source>
        <translation>Nothing to undo: linking, unlinking, striking off and reinstating can be undone here.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Undo %1</source>
        <translation>Undo %1</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>%1 listing(s)</source>
        <translation>
            <numerusform>%1 listing</numerusform>
            <numerusform>%1 listings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%1 of %2 listing(s)</source>
        <translation>
            <numerusform>%1 of %2 listing</numerusform>
            <numerusform>%1 of %2 listings</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Select a listing first: click its row, or press Down from the filter box.</source>
        <translation>Select a listing first: click its row, or press Down from the filter box.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A relisted listing lives on as its new offer: link that one.</source>
        <translation>A relisted listing lives on as its new offer: link that one.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>None of the selected listings is linked.</source>
        <translation>None of the selected listings is linked.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No selected listing has a stock item with exactly its title.</source>
        <translation>No selected listing has a stock item with exactly its title.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only listings pending relist can be struck off.</source>
        <translation>Only listings pending relist can be struck off.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only struck-off listings can be reinstated.</source>
        <translation>Only struck-off listings can be reinstated.</translation>
    </message>
    <message numerus="yes">
        <location line="+44"/>
        <location line="+17"/>
        <source>Linked %n listing(s) by exact title</source>
        <translation>
            <numerusform>Linked %n listing by exact title</numerusform>
            <numerusform>Linked %n listings by exact title</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>; %n ambiguous title(s) left to link by hand (Ctrl+Z undoes it)</source>
        <translation>
            <numerusform>; %n ambiguous title left to link by hand (Ctrl+Z undoes it)</numerusform>
            <numerusform>; %n ambiguous titles left to link by hand (Ctrl+Z undoes it)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Struck off %n listing(s): they will not be relisted</source>
        <translation>
            <numerusform>Struck off %n listing: they will not be relisted</numerusform>
            <numerusform>Struck off %n listings: they will not be relisted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Reinstated %n listing(s)</source>
        <translation>
            <numerusform>Reinstated %n listing</numerusform>
            <numerusform>Reinstated %n listings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>; %n past Allegro&apos;s 60 days are expired</source>
        <translation>
            <numerusform>; %n past Allegro&apos;s 60 days is expired</numerusform>
            <numerusform>; %n past Allegro&apos;s 60 days are expired</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Undone: %1</source>
        <translation>Undone: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redone: %1</source>
        <translation>Redone: %1</translation>
    </message>
    <message>
        <location line="-99"/>
        <location line="+65"/>
        <location line="+15"/>
        <source> (Ctrl+Z undoes it)</source>
        <translation> (Ctrl+Z undoes it)</translation>
    </message>
    <message>
        <location line="-232"/>
        <source>Accept su&amp;ggestion</source>
        <translation>Accept su&amp;ggestion</translation>
    </message>
    <message>
        <location line="+168"/>
        <source>Linked offer %1</source>
        <translation>Linked offer %1</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n listing(s)</source>
        <translation>
            <numerusform>%n listing</numerusform>
            <numerusform>%n listings</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlinked %1</source>
        <translation>Unlinked %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No unlinked listing shown has exactly one stock item with its title.</source>
        <translation>No unlinked listing shown has exactly one stock item with its title.</translation>
    </message>
    <message>
        <location line="-323"/>
        <source>Oversell risk</source>
        <translation>Oversell risk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed on Allegro</source>
        <translation>Changed on Allegro</translation>
    </message>
    <message>
        <location line="+325"/>
        <source>Nothing was linked.</source>
        <translation>Nothing was linked.</translation>
    </message>
</context>
<context>
    <name>LocationsDialog</name>
    <message>
        <location filename="../../ui/inventory/locations_dialog.py" line="+37"/>
        <location line="+6"/>
        <source>Locations</source>
        <translation>Locations</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Add</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rename</source>
        <translation>&amp;Rename</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set as de&amp;fault</source>
        <translation>Set as de&amp;fault</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Delete…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>  (default)</source>
        <translation>  (default)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Select a location in the list first.</source>
        <translation>Select a location in the list first.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Delete location</source>
        <translation>Delete location</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the location %1?</source>
        <translation>Delete the location %1?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only an empty location can be deleted. A channel that syncs from it will need another location.</source>
        <translation>Only an empty location can be deleted. A channel that syncs from it will need another location.</translation>
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
        <translation>Screens</translation>
    </message>
    <message>
        <location line="-116"/>
        <location line="+121"/>
        <source>Data folder: %1</source>
        <translation>Data folder: %1</translation>
    </message>
    <message>
        <location line="-118"/>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Sync now</source>
        <translation>&amp;Sync now</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Settings</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Channel Integration…</source>
        <translation>&amp;Channel Integration…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferences…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the &amp;log folder</source>
        <translation>Open the &amp;log folder</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;About</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Preferences saved.</source>
        <translation>Preferences saved.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preferences saved. The app speaks %1 now.</source>
        <translation>Preferences saved. The app speaks %1 now.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Preferences saved. The app speaks %1 from its next start: a sync or an import is running, or the Channel Integration window is open.</source>
        <translation>Preferences saved. The app speaks %1 from its next start: a sync or an import is running, or the Channel Integration window is open.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>A sync is already running.</source>
        <translation>A sync is already running.</translation>
    </message>
</context>
<context>
    <name>OrdersModel</name>
    <message>
        <location filename="../../ui/orders/screen.py" line="+83"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Allegro&apos;s post-buy form id</source>
        <translation>Allegro&apos;s post-buy form id</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buyer</source>
        <translation>Buyer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pieces bought in the order</source>
        <translation>Pieces bought in the order</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Currency</source>
        <translation>Currency</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment</source>
        <translation>Payment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tracking</source>
        <translation>Tracking</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%n item(s) not linked to stock: they hold no stock</source>
        <translation>
            <numerusform>%n item not linked to stock: it holds no stock</numerusform>
            <numerusform>%n items not linked to stock: they hold no stock</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrdersScreen</name>
    <message>
        <location line="-44"/>
        <source>All orders</source>
        <translation>All orders</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipped</source>
        <translation>Shipped</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With unlinked items</source>
        <translation>With unlinked items</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tracking problems</source>
        <translation>Tracking problems</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Filter by order, buyer, status or tracking number (Ctrl+F)</source>
        <translation>Filter by order, buyer, status or tracking number (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Filter orders</source>
        <translation>Filter orders</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+170"/>
        <source>Select an order to see its items and shipping.</source>
        <translation>Select an order to see its items and shipping.</translation>
    </message>
    <message>
        <location line="-155"/>
        <location line="+10"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="-10"/>
        <location line="+10"/>
        <source>Offer</source>
        <translation>Offer</translation>
    </message>
    <message>
        <location line="-10"/>
        <location line="+10"/>
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location line="-10"/>
        <location line="+11"/>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <location line="-11"/>
        <location line="+11"/>
        <source>Link</source>
        <translation>Link</translation>
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
        <translation>Pieces bought</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The stock item it takes from</source>
        <translation>The stock item it takes from</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Link item to stock…</source>
        <translation>&amp;Link item to stock…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Also link the listing</source>
        <translation>Also link the listing</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Link the offer&apos;s listing too, so its next orders link themselves</source>
        <translation>Link the offer&apos;s listing too, so its next orders link themselves</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Shipping</source>
        <translation>Shipping</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Other (name it)</source>
        <translation>Other (name it)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Carrier name</source>
        <translation>Carrier name</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+32"/>
        <source>Tracking number</source>
        <translation>Tracking number</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>&amp;Carrier:</source>
        <translation>&amp;Carrier:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Tracking number:</source>
        <translation>&amp;Tracking number:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Mark shipped…</source>
        <translation>&amp;Mark shipped…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Add tracking number</source>
        <translation>&amp;Add tracking number</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Change the selected tracking number; it is sent again at the next sync</source>
        <translation>Change the selected tracking number; it is sent again at the next sync</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Carrier</source>
        <translation>Carrier</translation>
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
            <numerusform>%1 order</numerusform>
            <numerusform>%1 orders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%1 of %2 order(s)</source>
        <translation>
            <numerusform>%1 of %2 order</numerusform>
            <numerusform>%1 of %2 orders</numerusform>
        </translation>
    </message>
    <message>
        <location line="+105"/>
        <source>Select an order, then one of its items.</source>
        <translation>Select an order, then one of its items.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Select an order first: click its row, or press Down from the filter box.</source>
        <translation>Select an order first: click its row, or press Down from the filter box.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only an open order can be marked shipped; this one is not open.</source>
        <translation>Only an open order can be marked shipped; this one is not open.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A tracking number is added to a shipped order; mark this one shipped first.</source>
        <translation>A tracking number is added to a shipped order; mark this one shipped first.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Select a tracking number that Allegro rejected or that was not sent yet, then correct it.</source>
        <translation>Select a tracking number that Allegro rejected or that was not sent yet, then correct it.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allegro has accepted this tracking number; it can no longer be changed.</source>
        <translation>Allegro has accepted this tracking number; it can no longer be changed.</translation>
    </message>
    <message numerus="yes">
        <location line="+90"/>
        <source>%n linked item(s) are taken off stock at %2.</source>
        <translation>
            <numerusform>%n linked item is taken off stock at %2.</numerusform>
            <numerusform>%n linked items are taken off stock at %2.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-161"/>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <location line="-124"/>
        <source>Carr&amp;ier name:</source>
        <translation>Carr&amp;ier name:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Save corr&amp;ection</source>
        <translation>Save corr&amp;ection</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>Buyer</source>
        <translation>Buyer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>postage</source>
        <translation>postage</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>payment</source>
        <translation>payment</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No shipping address given.</source>
        <translation>No shipping address given.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message from the buyer: %1</source>
        <translation>Message from the buyer: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Not linked to a stock item: it holds no stock. Link it with “Link item to stock…”.</source>
        <translation>Not linked to a stock item: it holds no stock. Link it with “Link item to stock…”.</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Why: %1</source>
        <translation>Why: %1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Leave empty to ship without a tracking number.</source>
        <translation>Leave empty to ship without a tracking number.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Allegro refused this number; correct it, then Save correction.</source>
        <translation>Allegro refused this number; correct it, then Save correction.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Looks right for %1.</source>
        <translation>Looks right for %1.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>no location</source>
        <translation>no location</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No item of this order is linked to stock, so no stock changes.</source>
        <translation>No item of this order is linked to stock, so no stock changes.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tracking number %1 (%2) goes to Allegro at the next sync.</source>
        <translation>Tracking number %1 (%2) goes to Allegro at the next sync.</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>No tracking number: you can add one later.</source>
        <translation>No tracking number: you can add one later.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+2"/>
        <source>Mark shipped</source>
        <translation>Mark shipped</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Mark order %1 shipped? This cannot be undone.</source>
        <translation>Mark order %1 shipped? This cannot be undone.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Order %1 is shipped.</source>
        <translation>Order %1 is shipped.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Tracking number %1 added; it goes to Allegro at the next sync.</source>
        <translation>Tracking number %1 added; it goes to Allegro at the next sync.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Allegro already refused exactly this number; change the number or the carrier.</source>
        <translation>Allegro already refused exactly this number; change the number or the carrier.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tracking number corrected; it goes to Allegro at the next sync.</source>
        <translation>Tracking number corrected; it goes to Allegro at the next sync.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Linked “%1”.</source>
        <translation>Linked “%1”.</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>Tracking number %1 added.</source>
        <translation>Tracking number %1 added.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Tracking number corrected.</source>
        <translation>Tracking number corrected.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is not sent to Allegro: Submit Tracking Info is off for %2. Tick it in the channel&apos;s options to send it.</source>
        <translation>%1 is not sent to Allegro: Submit Tracking Info is off for %2. Tick it in the channel&apos;s options to send it.</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../ui/preferences.py" line="+121"/>
        <source>Preferences</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+10"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Follow the system (%1)</source>
        <translation>Follow the system (%1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The language of the app&apos;s windows and messages.</source>
        <translation>The language of the app&apos;s windows and messages.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The windows change to the new language when you press OK (while a sync runs, from the next start).</source>
        <translation>The windows change to the new language when you press OK (while a sync runs, from the next start).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sync all enabled channels &amp;automatically every</source>
        <translation>Sync all enabled channels &amp;automatically every</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Off by default. Orders come in and quantities go out on their own; listings to end or relist wait for your confirmation unless the channel has No Manual Confirmation.</source>
        <translation>Off by default. Orders come in and quantities go out on their own; listings to end or relist wait for your confirmation unless the channel has No Manual Confirmation.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minutes between automatic syncs</source>
        <translation>Minutes between automatic syncs</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>When several computers share one database, turn this on on one of them only. Closing the window keeps auto-sync running next to the clock (system tray).</source>
        <translation>When several computers share one database, turn this on on one of them only. Closing the window keeps auto-sync running next to the clock (system tray).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Database in use</source>
        <translation>Database in use</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In use now:</source>
        <translation>In use now:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open &amp;data folder</source>
        <translation>Open &amp;data folder</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Data folder:</source>
        <translation>Data folder:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Database URL</source>
        <translation>Database URL</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>To share one PostgreSQL database between several desks, enter its address here. Leave it empty to keep the database file in the data folder.</source>
        <translation>To share one PostgreSQL database between several desks, enter its address here. Leave it empty to keep the database file in the data folder.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Database &amp;URL:</source>
        <translation>Database &amp;URL:</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Allegro application</source>
        <translation>Allegro application</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>REST channels connect through your application at Allegro: register a desktop application once at apps.developer.allegro.pl (it runs without a browser) and paste its Client ID and Secret here. The built-in Sandbox has its demo application filled in.</source>
        <translation>REST channels connect through your application at Allegro: register a desktop application once at apps.developer.allegro.pl (it runs without a browser) and paste its Client ID and Secret here. The built-in Sandbox has its demo application filled in.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Allegro (allegro.pl)</source>
        <translation>Allegro (allegro.pl)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allegro&apos;s own sandbox (allegrosandbox.pl)</source>
        <translation>Allegro&apos;s own sandbox (allegrosandbox.pl)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Built-in Sandbox</source>
        <translation>Built-in Sandbox</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;For:</source>
        <translation>&amp;For:</translation>
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
        <translation>Logs</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open the lo&amp;g folder</source>
        <translation>Open the lo&amp;g folder</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>The %1 environment variable is set (%2); it is used instead of this field.</source>
        <translation>The %1 environment variable is set (%2); it is used instead of this field.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The new database is opened at the next start of the app.</source>
        <translation>The new database is opened at the next start of the app.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leave it empty to go back to the database file in the data folder (from the next start).</source>
        <translation>Leave it empty to go back to the database file in the data folder (from the next start).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Empty: the database is the file in the data folder. To share one PostgreSQL database between several computers, enter its address; it is used from the next start.</source>
        <translation>Empty: the database is the file in the data folder. To share one PostgreSQL database between several computers, enter its address; it is used from the next start.</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <location filename="../../ui/inventory/import_dialog.py" line="-60"/>
        <source>Line</source>
        <translation>Line</translation>
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
        <translation>Testing</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Su&amp;bSource</source>
        <translation>Su&amp;bSource</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SubSource</source>
        <translation>SubSource</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The name this channel appears as in the app, its orders and reports, e.g. MyAllegroChannel.</source>
        <translation>The name this channel appears as in the app, its orders and reports, e.g. MyAllegroChannel.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Default Currency</source>
        <translation>&amp;Default Currency</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Default Currency</source>
        <translation>Default Currency</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The currency given to orders and the channel when Allegro names none.</source>
        <translation>The currency given to orders and the channel when Allegro names none.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Where this channel&apos;s Allegro account lives. To sell through another environment, add a new channel for it.</source>
        <translation>Where this channel&apos;s Allegro account lives. To sell through another environment, add a new channel for it.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Environment:</source>
        <translation>Environment:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connected as:</source>
        <translation>Connected as:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+61"/>
        <source>&amp;Reconnect with Allegro…</source>
        <translation>&amp;Reconnect with Allegro…</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Shows a code and opens allegro.pl: log in there as the seller and approve the application. Needed when Allegro ended the connection, or to connect another account.</source>
        <translation>Shows a code and opens allegro.pl: log in there as the seller and approve the application. Needed when Allegro ended the connection, or to connect another account.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A REST channel signs in by Allegro&apos;s approval page: the app keeps the login in the system keyring, never your password. There is no WebAPI key or version to keep up to date.</source>
        <translation>A REST channel signs in by Allegro&apos;s approval page: the app keeps the login in the system keyring, never your password. There is no WebAPI key or version to keep up to date.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+162"/>
        <source>&amp;Test</source>
        <translation>&amp;Test</translation>
    </message>
    <message>
        <location line="-160"/>
        <source>Test the connection to Allegro</source>
        <translation>Test the connection to Allegro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask Allegro which account this channel&apos;s login reaches (GET /me).</source>
        <translation>Ask Allegro which account this channel&apos;s login reaches (GET /me).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop waiting for the Test</source>
        <translation>Stop waiting for the Test</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>an Allegro account (Test says which)</source>
        <translation>an Allegro account (Test says which)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not connected: use Connect with Allegro.</source>
        <translation>Not connected: use Connect with Allegro.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Connect with Allegro…</source>
        <translation>&amp;Connect with Allegro…</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>This channel was deleted meanwhile; nothing was stored.</source>
        <translation>This channel was deleted meanwhile; nothing was stored.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connected as %1.</source>
        <translation>Connected as %1.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Asking Allegro which account this channel reaches…</source>
        <translation>Asking Allegro which account this channel reaches…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Test cancelled.</source>
        <translation>Test cancelled.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Testing…</source>
        <translation>Testing…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>OK: connected to Allegro as %1.</source>
        <translation>OK: connected to Allegro as %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Test failed</source>
        <translation>Test failed</translation>
    </message>
</context>
<context>
    <name>RestIntegrationScreen</name>
    <message>
        <location line="-404"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to Add New Channel</source>
        <translation>Back to Add New Channel</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;Allegro.pl integration&lt;/b&gt;</source>
        <translation>&lt;b&gt;Allegro.pl integration&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>for example MyAllegroChannel</source>
        <translation>for example MyAllegroChannel</translation>
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
        <translation>Allegro&apos;s own sandbox (allegrosandbox.pl)</translation>
    </message>
    <message>
        <location line="-98"/>
        <location line="+100"/>
        <source>Built-in Sandbox (demo shop on this computer)</source>
        <translation>Built-in Sandbox (demo shop on this computer)</translation>
    </message>
    <message>
        <location line="-99"/>
        <source>Another address…</source>
        <translation>Another address…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;SubSource</source>
        <translation>&amp;SubSource</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Default Currency</source>
        <translation>&amp;Default Currency</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Environment</source>
        <translation>&amp;Environment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add&amp;ress</source>
        <translation>Add&amp;ress</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Connect with Allegro</source>
        <translation>&amp;Connect with Allegro</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connect with Allegro shows a code and opens allegro.pl: log in there as the seller and approve the application. The app keeps the login in the system keyring, never your password.</source>
        <translation>Connect with Allegro shows a code and opens allegro.pl: log in there as the seller and approve the application. The app keeps the login in the system keyring, never your password.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Enter a SubSource: the name this channel appears as.</source>
        <translation>Enter a SubSource: the name this channel appears as.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Another channel is already called “%1”. Choose a different SubSource.</source>
        <translation>Another channel is already called “%1”. Choose a different SubSource.</translation>
    </message>
</context>
<context>
    <name>RowsModel</name>
    <message>
        <location filename="../../ui/inventory/import_dialog.py" line="+10"/>
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
</context>
<context>
    <name>RunsModel</name>
    <message>
        <location filename="../../ui/sync/screen.py" line="+77"/>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Took</source>
        <translation>Took</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Orders imported</source>
        <translation>Orders imported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qty sent</source>
        <translation>Qty sent</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quantities sent to Allegro</source>
        <translation>Quantities sent to Allegro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ended</source>
        <translation>Ended</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Listings ended</source>
        <translation>Listings ended</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relisted</source>
        <translation>Relisted</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Listings relisted</source>
        <translation>Listings relisted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tracking</source>
        <translation>Tracking</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tracking numbers accepted</source>
        <translation>Tracking numbers accepted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problems</source>
        <translation>Problems</translation>
    </message>
</context>
<context>
    <name>Screens</name>
    <message>
        <location filename="../../ui/screens.py" line="+11"/>
        <source>Overview</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inventory</source>
        <translation>Inventory</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listings</source>
        <translation>Listings</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync</source>
        <translation>Sync</translation>
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
        <translation>Title</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Barcode</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stock level</source>
        <translation>Stock level</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quantity counted in stock</source>
        <translation>Quantity counted in stock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allocated</source>
        <translation>Allocated</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Held by open orders</source>
        <translation>Held by open orders</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Available</source>
        <translation>Available</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stock level minus allocated</source>
        <translation>Stock level minus allocated</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listings</source>
        <translation>Listings</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Listings linked to this item</source>
        <translation>Listings linked to this item</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Open orders need more than is in stock</source>
        <translation>Open orders need more than is in stock</translation>
    </message>
</context>
<context>
    <name>SyncScreen</name>
    <message>
        <location filename="../../ui/sync/screen.py" line="-32"/>
        <source>All runs</source>
        <translation>All runs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partly failed</source>
        <translation>Partly failed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With problems</source>
        <translation>With problems</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>; nothing needed changing.</source>
        <translation>; nothing needed changing.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done with problems</source>
        <translation>done with problems</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>&lt;b&gt;History&lt;/b&gt;</source>
        <translation>&lt;b&gt;History&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Filter runs (channel, outcome, date, problem text)</source>
        <translation>Filter runs (channel, outcome, date, problem text)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter sync runs</source>
        <translation>Filter sync runs</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Channel of the runs shown</source>
        <translation>Channel of the runs shown</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Outcome of the runs shown</source>
        <translation>Outcome of the runs shown</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>What the selected run did</source>
        <translation>What the selected run did</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select a run to see what it did and every problem.</source>
        <translation>Select a run to see what it did and every problem.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>&lt;b&gt;Last %n day(s)&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;Last %n day&lt;/b&gt;</numerusform>
            <numerusform>&lt;b&gt;Last %n days&lt;/b&gt;</numerusform>
        </translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Sync with Allegro</source>
        <translation>Sync with Allegro</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sync all enabled channels &amp;automatically every</source>
        <translation>Sync all enabled channels &amp;automatically every</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Off by default. Run it on one computer only: two computers syncing one account import orders twice.</source>
        <translation>Off by default. Run it on one computer only: two computers syncing one account import orders twice.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minutes between automatic syncs</source>
        <translation>Minutes between automatic syncs</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Ready.</source>
        <translation>Ready.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>All enabled channels</source>
        <translation>All enabled channels</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All channels</source>
        <translation>All channels</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No channel is enabled: add or enable one under Settings → Channel Integration.</source>
        <translation>No channel is enabled: add or enable one under Settings → Channel Integration.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No enabled channel: add one under Settings → Channel Integration.</source>
        <translation>No enabled channel: add one under Settings → Channel Integration.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No enabled channel to sync.</source>
        <translation>No enabled channel to sync.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1: cancelled; nothing more was sent.</source>
        <translation>%1: cancelled; nothing more was sent.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: starting…</source>
        <translation>%1: starting…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> — %1 of %2</source>
        <translation> — %1 of %2</translation>
    </message>
    <message numerus="yes">
        <location line="+37"/>
        <source>%1: %n listing(s) to end or relist wait for your confirmation; press Sync now to review them.</source>
        <translation>
            <numerusform>%1: %n listing to end or relist waits for your confirmation; press Sync now to review it.</numerusform>
            <numerusform>%1: %n listings to end or relist wait for your confirmation; press Sync now to review them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%1: the mass-end brake held %n change(s); press Sync now to answer its question.</source>
        <translation>
            <numerusform>%1: the mass-end brake held %n change; press Sync now to answer its question.</numerusform>
            <numerusform>%1: the mass-end brake held %n changes; press Sync now to answer its question.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+57"/>
        <source>A sync is running; Cancel stops it after the current batch.</source>
        <translation>A sync is running; Cancel stops it after the current batch.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No sync is running.</source>
        <translation>No sync is running.</translation>
    </message>
    <message numerus="yes">
        <location line="+50"/>
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n run</numerusform>
            <numerusform>%n runs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1 of %n run(s)</source>
        <translation>
            <numerusform>%1 of %n run</numerusform>
            <numerusform>%1 of %n runs</numerusform>
        </translation>
    </message>
    <message>
        <location line="-139"/>
        <source>%1: waiting for your confirmation…</source>
        <translation>%1: waiting for your confirmation…</translation>
    </message>
    <message>
        <location line="-142"/>
        <source>Cha&amp;nnel:</source>
        <translation>Cha&amp;nnel:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>S&amp;ync now</source>
        <translation>S&amp;ync now</translation>
    </message>
    <message>
        <location line="+201"/>
        <source>Cancelling after the current batch…</source>
        <translation>Cancelling after the current batch…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Last sync finished at %1.</source>
        <translation>Last sync finished at %1.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>(off)</source>
        <translation>(off)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>next at %1</source>
        <translation>next at %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>skipped: a sync is running</source>
        <translation>skipped: a sync is running</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Nothing needed changing.</source>
        <translation>Nothing needed changing.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Problems:</source>
        <translation>Problems:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notes:</source>
        <translation>Notes:</translation>
    </message>
</context>
<context>
    <name>SyncTray</name>
    <message>
        <location filename="../../ui/tray.py" line="+27"/>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done with problems</source>
        <translation>done with problems</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+101"/>
        <source>No sync yet</source>
        <translation>No sync yet</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>&amp;Open Allegro Channel Manager</source>
        <translation>&amp;Open Allegro Channel Manager</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Sync now</source>
        <translation>&amp;Sync now</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
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
        <translation>Allegro Channel Manager keeps syncing</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Auto-sync goes on with the window closed. Click this icon to open the window; choose Quit in its menu to stop.</source>
        <translation>Auto-sync goes on with the window closed. Click this icon to open the window; choose Quit in its menu to stop.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Syncing %1…</source>
        <translation>Syncing %1…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Last sync %1: all done</source>
        <translation>Last sync %1: all done</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Last sync %1: %2</source>
        <translation>Last sync %1: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>with problems</source>
        <translation>with problems</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source> — %n waiting for your confirmation</source>
        <translation>
            <numerusform> — %n waiting for your confirmation</numerusform>
            <numerusform> — %n waiting for your confirmation</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source> (and %n more)</source>
        <translation>
            <numerusform> (and %n more)</numerusform>
            <numerusform> (and %n more)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>%n listing(s) to end or relist wait for your confirmation. Open the app and press Sync now.</source>
        <translation>
            <numerusform>%n listing to end or relist waits for your confirmation. Open the app and press Sync now.</numerusform>
            <numerusform>%n listings to end or relist wait for your confirmation. Open the app and press Sync now.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Last problem: %1</source>
        <translation>Last problem: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Sync problem</source>
        <translation>Sync problem</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Listings wait for you</source>
        <translation>Listings wait for you</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../ui/app.py" line="+72"/>
        <source>The database at %1 cannot be opened (%2).</source>
        <translation>The database at %1 cannot be opened (%2).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The database at %1 (set in Preferences) cannot be opened:
%2

Open the database file in the data folder instead, just this time?
%3</source>
        <translation>The database at %1 (set in Preferences) cannot be opened:
%2

Open the database file in the data folder instead, just this time?
%3</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The data folder
%1
cannot be written (it is read-only or the disk is full). Make it writable or free some space, then start the app again; nothing was changed.</source>
        <translation>The data folder
%1
cannot be written (it is read-only or the disk is full). Make it writable or free some space, then start the app again; nothing was changed.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Allegro Channel Manager is already running with the data folder
%1

Switch to the open window instead of starting a second one.</source>
        <translation>Allegro Channel Manager is already running with the data folder
%1

Switch to the open window instead of starting a second one.</translation>
    </message>
</context>
</TS>
