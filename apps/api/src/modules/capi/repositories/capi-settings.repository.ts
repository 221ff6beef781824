import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CapiSettingsEntity } from '../entities/capi-settings.entity';

/** The only code that queries `capi_settings`. */
@Injectable()
export class CapiSettingsRepository {
  constructor(@InjectRepository(CapiSettingsEntity) private readonly settings: Repository<CapiSettingsEntity>) {}

  list(): Promise<CapiSettingsEntity[]> {
    return this.settings.find();
  }

  findByChannel(channelId: string): Promise<CapiSettingsEntity | null> {
    return this.settings.findOneBy({ channelId });
  }

  create(values: Partial<CapiSettingsEntity>): CapiSettingsEntity {
    return this.settings.create(values);
  }

  save(entity: CapiSettingsEntity): Promise<CapiSettingsEntity> {
    return this.settings.save(entity);
  }
}
