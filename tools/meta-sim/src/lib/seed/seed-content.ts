import type { SimMedia } from '../state/model';
import type { SimStore } from '../state/store';
import { SIM_SEED } from './seed-data';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Author = { id: string; username?: string; name: string };

/**
 * Published content and its comments: Instagram posts, a reel, a carousel, a story, a Live on air
 * and an ad; Facebook posts and an ad post. Enough conversation in public for a living comments desk
 * (questions, answered threads, a complaint and spam with phone numbers, ad and story comments).
 */
export function seedContent(store: SimStore, now: number): void {
  const cdn = `${store.settings.publicUrl}/cdn`;
  const s = SIM_SEED;
  const ig = s.instagram.id;

  const media = (
    id: string,
    accountId: string,
    owner: string,
    caption: string,
    type: SimMedia['mediaType'],
    product: SimMedia['mediaProductType'],
    daysAgo: number,
    likes: number,
    extra: Partial<SimMedia> = {},
  ): void => {
    store.media.set(id, {
      id,
      accountId,
      ownerUsername: owner,
      caption,
      mediaType: type,
      mediaProductType: product,
      mediaUrl: `${cdn}/media/${id}.png`,
      permalink: `https://www.instagram.com/p/SIM${id.slice(-6)}/`,
      createdAt: now - daysAgo * DAY,
      likeCount: likes,
      mentions: [],
      ...extra,
    });
  };
  media(s.media.post, ig, s.instagram.username, 'New rain jackets are in! ☔', 'IMAGE', 'FEED', 3, 87);
  media(s.media.reel, ig, s.instagram.username, 'Behind the scenes 🎬', 'VIDEO', 'REELS', 2, 240);
  media(s.media.carousel, ig, s.instagram.username, 'Spring lookbook', 'CAROUSEL_ALBUM', 'FEED', 10, 51);
  media(s.media.story, ig, s.instagram.username, '', 'IMAGE', 'STORY', 0.2, 0);
  media(s.media.mentioned, 'external', 'sofia.designs', 'Wearing my new jacket from @example.store', 'IMAGE', 'FEED', 1, 14, { mentions: [ig] });
  media(s.media.igLoginPost, s.instagramLogin.id, s.instagramLogin.username, 'Morning flow 🧘', 'IMAGE', 'FEED', 1, 33);
  media(s.media.restock, ig, s.instagram.username, 'Restock alert: the yellow raincoat is back 💛 Sizes XS–XL.', 'IMAGE', 'FEED', 1, 164);
  media(s.media.ad, ig, s.instagram.username, 'Spring drop: light jackets for April showers. Tap to chat with us!', 'IMAGE', 'AD', 6, 412, {
    adId: s.ads.springDrop.id,
  });
  media(s.media.live, ig, s.instagram.username, 'Live: spring try-on 🎥', 'VIDEO', 'LIVE', 20 / (24 * 60), 38, { liveStatus: 'live' });

  const comment = (
    platform: 'instagram' | 'messenger',
    id: string,
    accountId: string,
    objectId: string,
    from: Author,
    text: string,
    hoursAgo: number,
    parentId?: string,
  ): void => {
    store.comments.set(id, {
      id,
      platform,
      accountId,
      objectId,
      parentId,
      fromId: from.id,
      fromName: from.name,
      fromUsername: from.username,
      text,
      createdAt: now - hoursAgo * HOUR,
      hidden: false,
      deleted: false,
      likeCount: 0,
      mentions: [],
    });
  };
  const igc = (id: string, objectId: string, from: Author, text: string, hoursAgo: number, parentId?: string): void =>
    comment('instagram', id, ig, objectId, from, text, hoursAgo, parentId);
  const igUser = (c: { igsid: string; username: string; name: string }): Author => ({ id: c.igsid, username: c.username, name: c.name });
  const [jane, reelFan, kai, sofia] = s.instagramCustomers;
  const { anna, spammer, marco, tom } = s.commenters;
  const biz: Author = { id: ig, username: s.instagram.username, name: s.instagram.name };
  igc(s.igComments.onPost, s.media.post, igUser(jane), 'Which sizes are left?', 5);
  igc(s.igComments.businessReply, s.media.post, biz, '@jane.example S to XL!', 4, s.igComments.onPost);
  igc(s.igComments.onReel, s.media.reel, igUser(reelFan), 'song name?', 20);
  igc(s.igComments.old, s.media.carousel, igUser(sofia), 'Gorgeous colours', 24 * 8);
  igc(s.igComments.onRestock, s.media.restock, igUser(kai), 'Do you have it in size L?', 20);
  igc('18000000000000211', s.media.restock, biz, '@kai.mueller yes, L and XL are back!', 19, s.igComments.onRestock);
  igc('18000000000000212', s.media.restock, igUser(anna), 'Ordered mine last week, love it!', 10);
  igc(s.igComments.spam, s.media.restock, igUser(spammer), '🔥 Cheap followers and likes! WhatsApp +1 555 0100 🔥', 2);
  igc(s.igComments.unanswered, s.media.restock, igUser(sofia), 'Is it waterproof or just water-resistant?', 0.75);
  igc(s.igComments.onAd, s.media.ad, igUser(reelFan), 'How much is shipping to Germany?', 3);
  igc('18000000000000221', s.media.ad, igUser(marco), 'Does this come in green?', 0.5);
  igc(s.igComments.onStory, s.media.story, igUser(jane), 'Where was this taken? 😍', 1);
  igc(s.igComments.onLive, s.media.live, igUser(anna), 'Hi from Vienna 👋', 10 / 60);
  igc('18000000000000241', s.media.live, igUser(kai), 'Can you show the back of the jacket?', 5 / 60);

  // Facebook posts and comments
  const page: Author = { id: s.page.id, name: s.page.name };
  const post = (
    id: string,
    message: string,
    statusType: string,
    daysAgo: number,
    reactions: number,
    extra: { picture?: boolean; permalink: string; adId?: string },
  ): void => {
    store.posts.set(id, {
      id,
      pageId: s.page.id,
      fromId: page.id,
      fromName: page.name,
      message,
      statusType,
      fullPicture: extra.picture ? `${cdn}/media/${id}.png` : undefined,
      permalinkUrl: `https://www.facebook.com/${s.page.id}/posts/${extra.permalink}`,
      createdAt: now - daysAgo * DAY,
      reactionCount: reactions,
      isHidden: false,
      deleted: false,
      ...(extra.adId ? { isPublished: false, adId: extra.adId } : {}),
    });
  };
  post(s.posts.photo, 'Our spring collection is here 🌸', 'added_photos', 2, 42, { picture: true, permalink: 'pfbid0SIM1' });
  post(s.posts.status, 'Closed on Monday for inventory.', 'mobile_status_update', 5, 7, { permalink: 'pfbid0SIM2' });
  post(s.posts.umbrellas, 'Umbrella weather ☂️ Our windproof umbrellas are back in five colours.', 'added_photos', 1, 23, {
    picture: true,
    permalink: 'pfbid0SIM3',
  });
  post(s.posts.ad, 'Spring sale - rain jackets: 30% off this week only. Send us a message to reserve yours!', 'added_photos', 6, 318, {
    picture: true,
    permalink: 'pfbid0SIMAD',
    adId: s.ads.springSale.id,
  });
  const [mJane, mMax, , mLucia] = s.messengerCustomers;
  const fbUser = (c: { feedUserId: string; name: string }): Author => ({ id: c.feedUserId, name: c.name });
  const fbc = (id: string, objectId: string, from: Author, text: string, hoursAgo: number, parentId?: string): void =>
    comment('messenger', id, s.page.id, objectId, from, text, hoursAgo, parentId);
  fbc(s.fbComments.onPhoto, s.posts.photo, fbUser(mJane), 'How much is shipping to Austria?', 6);
  fbc(s.fbComments.pageReply, s.posts.photo, page, 'Free above 50 €!', 5, s.fbComments.onPhoto);
  fbc(s.fbComments.onStatus, s.posts.status, fbUser(mMax), 'Open on Tuesday?', 30);
  fbc(s.fbComments.onUmbrellas, s.posts.umbrellas, fbUser(mLucia), '¿Hacéis envíos a España?', 8);
  fbc('122100000000000003_900000000000011', s.posts.umbrellas, page, '¡Sí! Entrega en 3–5 días.', 7, s.fbComments.onUmbrellas);
  fbc('122100000000000003_900000000000012', s.posts.umbrellas, { id: tom.feedUserId, name: tom.name }, 'Ordered two, arrived in 2 days 👍', 4);
  fbc(s.fbComments.complaint, s.posts.umbrellas, fbUser(mMax), 'My umbrella broke after one week. Call me on 0151 2345678', 1);
  fbc(s.fbComments.onAd, s.posts.ad, fbUser(mJane), 'Is the blue one still available?', 2);
  fbc('998877665544_900000000000021', s.posts.ad, { id: tom.feedUserId, name: tom.name }, 'Price?', 25 / 60);
}
