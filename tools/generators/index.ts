// @harbor/tools: the workspace's Nx generators (tools/generators.json lists them for `npx nx g`).
export { serviceGenerator, serviceNames, type ServiceGeneratorSchema } from './service/service.generator';
export { routeGenerator, type RouteGeneratorSchema } from './route/route.generator';
export { tableGenerator, type TableGeneratorSchema } from './table/table.generator';
export { ServiceGeneratorError } from './service/service-generator.error';
export { eventGenerator, type EventGeneratorSchema } from './event/event.generator';
