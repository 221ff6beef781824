import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { MessengerOptinEntity } from '../entities/messenger-optin.entity';

/** Reads of `messenger_optins` (the applier writes inside ingestion's transaction). The token is never selected. */
@Injectable()
export class MessengerOptinRepository {
  constructor(@InjectRepository(MessengerOptinEntity) private readonly optins: Repository<MessengerOptinEntity>) {}

  /** A customer's opt-ins on a Page, latest change first. */
  ofCustomer(channelId: string, psid: string): Promise<MessengerOptinEntity[]> {
    return this.optins.find({ where: { channelId, psid }, order: { lastEventAt: 'DESC', id: 'ASC' } });
  }
}
