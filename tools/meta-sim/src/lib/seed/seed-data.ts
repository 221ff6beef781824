/**
 * Deterministic ids, usernames and tokens of everything the simulator seeds.
 * Ids reuse the ones in /work/shared/fixtures/meta-webhooks so fixtures and the sim line up.
 */
export const SIM_SEED = {
  app: {
    id: '913300000000001',
    secret: 'sim-app-secret-4f8a2c91d7b3e650',
    name: 'TickleGram Inbox (sim)',
    verifyToken: 'sim-verify-token',
    /** `app_id|app_secret` app access token (uses the default secret). */
    accessToken: '913300000000001|sim-app-secret-4f8a2c91d7b3e650',
  },
  /** Other apps on the Page (Handover Protocol): Meta's Page Inbox and a simulated chatbot (secondary receiver). */
  otherApps: {
    pageInbox: { id: '263902037430900', name: 'Page Inbox' },
    bot: { id: '913300000000002', name: 'Example Bot (sim)' },
  },
  admin: {
    id: '100000000000001',
    name: 'Sam Admin',
    /** Long-lived (60 d) Facebook user token of the Page admin. */
    userToken: 'EAASimUserLongLived100000000000001',
  },
  page: {
    id: '104825791234560',
    name: 'Example Store',
    username: 'examplestore',
    /** Long-lived Page token (never expires), as obtained with a long-lived user token. */
    accessToken: 'EAASimPageToken104825791234560',
  },
  instagram: {
    /** IG professional account linked to the Page (Instagram API with Facebook Login / Messenger-API route). */
    id: '17841400000000001',
    username: 'example.store',
    name: 'Example Store',
  },
  instagramLogin: {
    /** IG professional account connected with Business Login for Instagram (no Page). */
    id: '17841400000000002',
    appScopedId: '25000000000000002',
    username: 'example.studio',
    name: 'Example Studio',
    /** Long-lived (60 d) Instagram User token for graph.instagram.com. */
    accessToken: 'IGAASimIgUserToken17841400000000002',
  },
  messengerCustomers: [
    { psid: '7123456789012345', feedUserId: '100000000000042', name: 'Jane Example', firstName: 'Jane', lastName: 'Example', lastMessageHoursAgo: 1 },
    { psid: '7123456789012346', feedUserId: '100000000000043', name: 'Max Mustermann', firstName: 'Max', lastName: 'Mustermann', lastMessageHoursAgo: 26 },
    { psid: '7123456789012347', feedUserId: '100000000000044', name: 'Aiko Tanaka', firstName: 'Aiko', lastName: 'Tanaka', lastMessageHoursAgo: 24 * 8 },
    { psid: '7123456789012348', feedUserId: '100000000000045', name: 'Lucía Fernández', firstName: 'Lucía', lastName: 'Fernández', lastMessageHoursAgo: 3 },
  ],
  instagramCustomers: [
    { igsid: '6543210987654321', username: 'jane.example', name: 'Jane Example', lastMessageHoursAgo: 1 },
    { igsid: '6543210987654322', username: 'reel.fan', name: 'Reel Fan', lastMessageHoursAgo: 30 },
    { igsid: '6543210987654323', username: 'kai.mueller', name: 'Kai Müller', lastMessageHoursAgo: 24 * 9 },
    { igsid: '6543210987654324', username: 'sofia.designs', name: 'Sofia Designs', lastMessageHoursAgo: 5 },
  ],
  /** People who have never messaged the business: play them on the phone to open a new thread (e.g. from an ad). */
  newCustomers: {
    messenger: { psid: '7123456789012349', feedUserId: '100000000000046', name: 'Noah Fischer', firstName: 'Noah', lastName: 'Fischer' },
    instagram: { igsid: '6543210987654325', username: 'noah.fischer', name: 'Noah Fischer' },
  },
  instagramLoginCustomers: [
    { igsid: '6543210987659001', username: 'studio.client', name: 'Studio Client', lastMessageHoursAgo: 2 },
    { igsid: '6543210987659002', username: 'yoga.lover', name: 'Yoga Lover', lastMessageHoursAgo: 40 },
  ],
  media: {
    post: '18000000000000100',
    reel: '18000000000000101',
    carousel: '18000000000000102',
    story: '18000000000000400',
    /** A story posted 3 hours ago with enough viewers for every story metric. */
    storyMorning: '18000000000000401',
    /** A story that expired yesterday (its story_insights webhook already went out). */
    storyExpired: '18000000000000402',
    /** A post by another account that @mentions the seeded IG account. */
    mentioned: '18000000000000300',
    igLoginPost: '18000000000000500',
    /** Restock post with a living comment thread (question, spam with a phone number, replies). */
    restock: '18000000000000104',
    /** Dark ad media of the "Spring drop" Instagram ad (comments carry ad_id / ad_title). */
    ad: '18000000000000103',
    /** An Instagram Live broadcast that is on air (comments arrive on `live_comments`). */
    live: '18000000000000600',
  },
  igComments: {
    /** jane.example on the post (has a business reply). */
    onPost: '18000000000000200',
    businessReply: '18000000000000201',
    /** reel.fan on the reel. */
    onReel: '18000000000000202',
    /** sofia.designs on the post, 8 days old (too old for a private reply). */
    old: '18000000000000203',
    /** @kai.mueller asks on the restock post (answered by the business). */
    onRestock: '18000000000000210',
    /** Spam with a phone number on the restock post (auto-moderation demo). */
    spam: '18000000000000213',
    /** @sofia.designs, 45 minutes ago, unanswered. */
    unanswered: '18000000000000214',
    /** @reel.fan on the ad. */
    onAd: '18000000000000220',
    /** @jane.example on the story. */
    onStory: '18000000000000230',
    /** During the Live. */
    onLive: '18000000000000240',
  },
  posts: {
    photo: '104825791234560_122100000000000001',
    status: '104825791234560_122100000000000002',
    /** Umbrella post with comments (a question, a complaint with a phone number, a Page reply). */
    umbrellas: '104825791234560_122100000000000003',
    /** Dark post of the "Spring sale - rain jackets" Facebook ad. */
    ad: '104825791234560_998877665544',
  },
  fbComments: {
    /** Jane on the photo post. */
    onPhoto: '122100000000000001_900000000000001',
    pageReply: '122100000000000001_900000000000002',
    /** Max on the status post. */
    onStatus: '122100000000000002_900000000000003',
    /** Lucía on the umbrella post (answered by the Page). */
    onUmbrellas: '122100000000000003_900000000000010',
    /** Max's complaint with a phone number, unanswered. */
    complaint: '122100000000000003_900000000000013',
    /** Jane on the ad post. */
    onAd: '998877665544_900000000000020',
  },
  /** Commenters who have never sent a DM (a private reply gives them a PSID / a conversation). */
  commenters: {
    anna: { igsid: '6543210987654390', username: 'anna.k', name: 'Anna K.' },
    spammer: { igsid: '6543210987654391', username: 'deals4you_', name: 'Deals 4 You' },
    marco: { igsid: '6543210987654392', username: 'marco.rossi', name: 'Marco Rossi' },
    tom: { feedUserId: '100000000000050', name: 'Tom Becker' },
  },
  /** Ads Manager: one ad account, two campaigns, click-to-message and comment ads (fixture ids). */
  ads: {
    adAccount: 'act_100200300400500',
    springSale: { id: '120200000000000001', adsetId: '120220000000000001', campaignId: '120210000000000001', ref: 'spring_sale' },
    springDrop: { id: '120200000000000002', adsetId: '120220000000000002', campaignId: '120210000000000001', ref: 'ctd_spring' },
    freeShipping: { id: '120200000000000003', adsetId: '120220000000000003', campaignId: '120210000000000002', ref: 'free_shipping' },
  },
  templates: {
    approved: { id: '104595129340398', name: 'order_shipped_update', language: 'en_US' },
    pending: { id: '104595129340399', name: 'appointment_reminder', language: 'en_US' },
    /** APPROVED with a text header, a URL button ({{1}} suffix) and a postback button. */
    withButtons: { id: '104595129340400', name: 'delivery_update_card', language: 'en_US' },
    /** REJECTED (TAG_SHOULD_BE_MARKETING). */
    rejected: { id: '104595129340401', name: 'spring_promo', language: 'en_US' },
  },
  pixel: { id: '1234567890123456', name: 'Example Store Pixel' },
  /** Business-messaging datasets (Conversions API), one per account, as `POST /{id}/dataset` returns them. */
  datasets: { page: '1234567890300001', instagram: '1234567890300002' },
} as const;

export type SimSeed = typeof SIM_SEED;
