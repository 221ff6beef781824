import { Column } from 'typeorm';

/**
 * The six message counts that the 15-minute buckets and the four totals tables all carry (TypeORM takes
 * the columns of a plain base class into each entity that extends it).
 */
export abstract class MessageCountColumns {
  @Column({ name: 'messages_in', type: 'int', default: 0 })
  messagesIn!: number;

  @Column({ name: 'messages_out', type: 'int', default: 0 })
  messagesOut!: number;

  @Column({ name: 'replies_window', type: 'int', default: 0 })
  repliesWindow!: number;

  @Column({ name: 'replies_human_agent', type: 'int', default: 0 })
  repliesHumanAgent!: number;

  @Column({ name: 'replies_template', type: 'int', default: 0 })
  repliesTemplate!: number;

  @Column({ name: 'replies_other', type: 'int', default: 0 })
  repliesOther!: number;
}
