// Where the sandbox bank sends the customer back after its page: the same result page.
export { default, generateMetadata } from '../result/page';
